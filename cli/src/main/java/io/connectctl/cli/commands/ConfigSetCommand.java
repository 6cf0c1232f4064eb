package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code config set NAME -f FILE}: replaces the whole config with the file's (a flat YAML/JSON map,
 * or a connector document {@code {name, config}}).
 */
@Command(
    name = "set",
    description = "Replace a connector's whole config with the one in FILE (YAML or JSON).")
final class ConfigSetCommand extends WriteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The connector.")
  String name;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "A YAML/JSON file: the config map, or {name, config}.")
  Path file;

  @Mixin WaitOptions waitOptions;

  @Override
  public Integer call() {
    Map<String, String> config =
        Manifests.readConfig(resolve(file), name, target().context(), target().vendor().id());
    waitOptions.timeout();
    ConnectorClient client = client(Capability.UPDATE_CONFIG);
    return Changes.run(
        this,
        "set config of",
        "configured",
        List.of(name),
        waitOptions,
        n -> client.updateConfig(n, config));
  }

  private Path resolve(Path path) {
    if (path.toString().isBlank()) {
      throw CliException.usage("-f needs a file");
    }
    return path;
  }
}
