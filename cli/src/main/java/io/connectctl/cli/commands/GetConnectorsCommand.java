package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.NameCache;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code get connectors [NAME…] [--selector REGEX] [--all-contexts]}: connectors with their state.
 * JSON: an array of connector statuses.
 */
@Command(
    name = "connectors",
    aliases = {"connector", "conn"},
    description = "List connectors with their state (every context with --all-contexts).")
final class GetConnectorsCommand extends BaseCommand {
  @Mixin NameSelection selection;

  @Option(
      names = {"-A", "--all-contexts"},
      description = "List the connectors of every context in one table.")
  boolean allContexts;

  private record Row(Target target, ConnectorStatus status) {}

  @Override
  public Integer call() {
    Pattern pattern = selection.pattern();
    List<Target> targets = targets();
    List<Row> rows = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Target target : targets) {
      try {
        ConnectorClient client = clientFor(target, Capability.LIST);
        List<String> listed = new ArrayList<>();
        for (ConnectorListing listing : client.listConnectors()) {
          listed.add(listing.name());
          if (wanted(listing.name(), pattern)) {
            rows.add(new Row(target, listing.status()));
            seen.add(listing.name());
          }
        }
        if (root().targetFlags().vendor().isEmpty()) {
          NameCache.write(environment().env(), environment().home(), target.context(), listed);
        }
        codes.add(ExitCode.OK);
      } catch (CliException | io.connectctl.facade.errors.ConnectCloudException e) {
        if (!allContexts) {
          throw e;
        }
        codes.add(fail(Failures.of("list connectors", "", target, e)));
      }
    }
    for (String name : selection.names()) {
      if (!seen.contains(name)) {
        err()
            .println(
                "error: connector '"
                    + name
                    + "' not found in "
                    + (allContexts ? "any context" : "context '" + targets.get(0).context() + "'"));
        codes.add(ExitCode.NOT_FOUND);
      }
    }
    List<Map<String, Object>> views =
        rows.stream().map(r -> Views.status(r.target(), r.status())).toList();
    printer()
        .emit(
            views,
            out -> {
              if (rows.isEmpty()) {
                err()
                    .println(
                        "No connectors found"
                            + (allContexts
                                ? "."
                                : " in context '" + targets.get(0).context() + "'."));
                return;
              }
              Table table =
                  allContexts
                      ? new Table("CONTEXT", "VENDOR", "NAME", "STATE", "TASKS")
                      : new Table("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS");
              for (Row row : rows) {
                ConnectorStatus s = row.status();
                if (allContexts) {
                  table.row(
                      row.target().context(),
                      row.target().vendor(),
                      s.name(),
                      s.state(),
                      Views.taskSummary(s));
                } else {
                  table.row(
                      s.name(),
                      s.type().name().toLowerCase(),
                      s.state(),
                      s.vendorState(),
                      Views.taskSummary(s));
                }
              }
              table.print(out);
            });
    return ExitCode.combine(codes);
  }

  private List<Target> targets() {
    if (!allContexts) {
      return List.of(target());
    }
    if (!root().targetFlags().vendor().isEmpty() || !root().targetFlags().context().isEmpty()) {
      throw CliException.usage(
          "--all-contexts lists every context of the config file; it cannot be combined with"
              + " --context or --vendor");
    }
    ConfigFile config = root().config();
    if (config.contexts().isEmpty()) {
      throw CliException.usage(
          "--all-contexts: the config file " + config.path() + " defines no contexts");
    }
    return List.copyOf(config.contexts().values());
  }

  private boolean wanted(String name, Pattern pattern) {
    if (selection.names().isEmpty() && pattern == null) {
      return true;
    }
    return selection.names().contains(name) || (pattern != null && pattern.matcher(name).find());
  }
}
