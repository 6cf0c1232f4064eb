package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code config patch NAME --set KEY=VALUE… --unset KEY…}: changes some keys and leaves the others
 * as they are (the facade's {@code patchConfig}: a native PATCH where the server has one, else a
 * read-modify-write that refuses to send masked values back).
 */
@Command(
    name = "patch",
    description =
        "Change some keys of a connector's config (--set KEY=VALUE, --unset KEY); the others stay"
            + " as they are.")
final class ConfigPatchCommand extends WriteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The connector.")
  String name;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set KEY to VALUE (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--unset", paramLabel = "KEY", description = "Remove KEY (repeatable).")
  List<String> unsets = new ArrayList<>();

  @Mixin WaitOptions waitOptions;

  @Override
  public Integer call() {
    Map<String, String> changes = changes();
    waitOptions.timeout();
    ConnectorClient client = client(Capability.UPDATE_CONFIG);
    if (dryRun()) {
      return dryRun(client, changes);
    }
    return Changes.run(
        this,
        "patch config of",
        "patched",
        List.of(name),
        waitOptions,
        n -> client.patchConfig(n, changes));
  }

  /**
   * The changes asked for: each {@code --set} key with its value, each {@code --unset} key null.
   */
  private Map<String, String> changes() {
    if (sets.isEmpty() && unsets.isEmpty()) {
      throw CliException.usage("config patch needs at least one --set KEY=VALUE or --unset KEY");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    for (String set : sets) {
      int eq = set.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage("--set needs KEY=VALUE, got '" + set + "'");
      }
      changes.put(set.substring(0, eq), set.substring(eq + 1));
    }
    for (String key : unsets) {
      if (key.isBlank()) {
        throw CliException.usage("--unset needs a KEY");
      }
      if (changes.containsKey(key)) {
        throw CliException.usage("'" + key + "' is both set and unset");
      }
      changes.put(key, null);
    }
    return changes;
  }

  /**
   * {@code --dry-run}: reads the config and shows what would change, as {@code apply} does ({@code
   * connector/NAME config would be patched (dry run)} and one line per key); sends no write.
   */
  private int dryRun(ConnectorClient client, Map<String, String> changes) {
    Map<String, String> current = client.getConnector(name).config();
    Map<String, String> set = new LinkedHashMap<>();
    List<String> drop = new ArrayList<>();
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            drop.add(key);
          } else {
            set.put(key, value);
          }
        });
    ConfigDiff diff = ConfigDiff.between(target().vendor(), name, current, set, drop);
    Map<String, Object> view = Views.header(target(), name);
    view.put("action", "patch");
    view.put("dryRun", true);
    view.put("changes", diff.changes().stream().map(c -> c.view(showSecrets())).toList());
    printer()
        .emit(
            List.of(view),
            out -> {
              out.println(
                  "connector/"
                      + name
                      + (diff.isEmpty()
                          ? " config unchanged (dry run)"
                          : " config would be patched (dry run)"));
              diff.changes().forEach(c -> out.println("  " + c.line(showSecrets())));
            });
    return ExitCode.OK;
  }
}
