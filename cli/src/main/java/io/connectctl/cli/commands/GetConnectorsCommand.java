package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.NameCache;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code get connectors [NAME…] [--selector REGEX] [--all-contexts|--contexts|--context-selector]}:
 * connectors with their state. Several contexts are listed concurrently and printed in the config
 * file's order, each context's connectors by name. JSON: an array of connector statuses.
 */
@Command(
    name = "connectors",
    aliases = {"connector", "conn"},
    description =
        "List connectors with their state (of several contexts at once with --all-contexts,"
            + " --contexts or --context-selector).")
final class GetConnectorsCommand extends BaseCommand {
  @Mixin NameSelection selection;

  @Mixin ContextSelection contexts;

  private record Row(Target target, ConnectorStatus status) {}

  @Override
  public Integer call() {
    Pattern pattern = selection.pattern();
    ContextFleet fleet = new ContextFleet(this, contexts);
    boolean several = fleet.several();
    List<ContextFleet.Outcome<List<Row>>> outcomes =
        fleet.run(
            target -> {
              List<Row> found = new ArrayList<>();
              List<String> listed = new ArrayList<>();
              for (ConnectorStatus status : clientFor(target, Capability.LIST).listStatuses()) {
                listed.add(status.name());
                if (wanted(status.name(), pattern)) {
                  found.add(new Row(target, status));
                }
              }
              if (root().targetFlags().vendor().isEmpty()) {
                // names only, for shell completion of this context's connectors
                NameCache.write(
                    environment().env(), environment().home(), target.context(), listed);
              }
              if (several) {
                found.sort(Comparator.comparing(row -> row.status().name()));
              }
              return found;
            });
    List<Integer> codes = new ArrayList<>(fleet.report("list connectors", outcomes));
    List<Row> rows = new ArrayList<>();
    outcomes.forEach(outcome -> outcome.value().ifPresent(rows::addAll));
    Set<String> seen = new LinkedHashSet<>();
    rows.forEach(row -> seen.add(row.status().name()));
    String where = several ? "any context" : "context '" + outcomes.get(0).context() + "'";
    for (String name : selection.names()) {
      if (!seen.contains(name)) {
        err().println("error: connector '" + name + "' not found in " + where);
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
                err().println("No connectors found" + (several ? "." : " in " + where + "."));
                return;
              }
              Table table =
                  several
                      ? new Table("CONTEXT", "VENDOR", "NAME", "STATE", "TASKS")
                      : new Table("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS");
              for (Row row : rows) {
                ConnectorStatus s = row.status();
                if (several) {
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

  private boolean wanted(String name, Pattern pattern) {
    if (selection.names().isEmpty() && pattern == null) {
      return true;
    }
    return selection.names().contains(name) || (pattern != null && pattern.matcher(name).find());
  }
}
