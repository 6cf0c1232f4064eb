package io.connectctl.cli.commands;

import io.connectctl.cli.options.HelpOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;

/**
 * {@code options}: the global options, which every command accepts before or after its name (the
 * target flags, {@code -o}, {@code -v} …); each command's {@code --help} lists only its own and
 * points here.
 */
@Command(
    name = "options",
    description = "List the options every command accepts (target, output, logging).")
final class OptionsCommand extends BaseCommand {
  @Override
  public Integer call() {
    Help help = new Help(spec.root(), Help.defaultColorScheme(Help.Ansi.OFF));
    out().println("The following options can be passed to any command:");
    out().println();
    out().print(HelpOptions.globalOptions(help));
    out().flush();
    return ok();
  }
}
