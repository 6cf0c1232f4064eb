package io.connectctl.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h}/{@code --help} on every command and subcommand, so that the hint printed after a usage
 * error ("Run 'connectctl status --help' for usage") works wherever it points. Asking for help
 * skips the checks of required options and parameters, and exits 0 with the usage.
 */
public final class HelpOptions {
  private HelpOptions() {}

  /**
   * Adds {@code -h, --help} to every command under {@code cli} (and to it) that has no help option
   * yet.
   */
  public static void everywhere(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    boolean has = spec.options().stream().anyMatch(OptionSpec::usageHelp);
    if (!has) {
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
    }
    cli.getSubcommands().values().forEach(HelpOptions::everywhere);
  }
}
