package io.connectctl.cli.options;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h}/{@code --help} on every command and subcommand, so that the hint printed after a usage
 * error ("Run 'connectctl status --help' for usage") works wherever it points. Asking for help
 * skips the checks of required options and parameters, and exits 0 with the usage.
 *
 * <p>A command's help lists its own options only, and points with one line to {@code connectctl
 * options} for the global ones (the target flags, {@code -o}, {@code -v} …), as kubectl does: the
 * global options are accepted by every command, and listing them in each help buried the command's
 * own.
 */
public final class HelpOptions {
  private HelpOptions() {}

  /** The line under each command's options that points to the global ones. */
  public static final String GLOBAL_OPTIONS_POINTER =
      "Use \"connectctl options\" for the options every command accepts (the target: --context, "
          + "--vendor, --url …; -o, --no-headers, -v).";

  /**
   * Adds {@code -h, --help} to every command under {@code cli} (and to it) that has no help option
   * yet, and gives every command under the top one the help described above.
   */
  public static void everywhere(CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    if (spec.parent() != null) {
      spec.usageMessage().abbreviateSynopsis(true);
      cli.getHelpSectionMap()
          .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpOptions::ownOptions);
    }
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

  /** The command's own options (not those it inherits from the top command), then the pointer. */
  private static String ownOptions(Help help) {
    List<OptionSpec> own =
        help.commandSpec().options().stream()
            .filter(o -> !o.hidden() && !o.inherited() && o.group() == null)
            .toList();
    Help.Layout layout =
        help.createDefaultLayout(
            own, help.commandSpec().positionalParameters(), help.colorScheme());
    String options =
        help.optionListExcludingGroups(
                own, layout, help.createDefaultOptionSort(), help.createDefaultParamLabelRenderer())
            + help.optionListGroupSections();
    return options + (options.endsWith("\n") ? "" : "\n") + "\n" + GLOBAL_OPTIONS_POINTER + "\n";
  }

  /** Every global option, as {@code connectctl options} lists them. */
  public static String globalOptions(Help help) {
    List<OptionSpec> global =
        help.commandSpec().options().stream()
            .filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
            .toList();
    Help.Layout layout = help.createDefaultLayout(global, List.of(), help.colorScheme());
    return help.optionListExcludingGroups(
        global, layout, help.createDefaultOptionSort(), help.createDefaultParamLabelRenderer());
  }
}
