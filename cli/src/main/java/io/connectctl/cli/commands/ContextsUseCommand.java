package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.config.ConfigFile;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code contexts use NAME}: makes NAME the default, rewriting only the file's {@code
 * current-context} line.
 */
@Command(name = "use", description = "Make NAME the default context.")
final class ContextsUseCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The context.")
  String name;

  @Override
  public Integer call() {
    ConfigFile config = root().config();
    if (!Files.exists(config.path())) {
      throw CliException.usage(
          "Config file " + config.path() + " does not exist; create it with your contexts first");
    }
    config.writeCurrentContext(name);
    out().println("Switched to context '" + name + "' (" + config.context(name).vendor() + ").");
    return ok();
  }
}
