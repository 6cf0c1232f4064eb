package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Reads;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code describe NAME}: definition, state, tasks and (masked) config. JSON: a status plus {@code
 * config}. Over several contexts ({@code --all-contexts}, {@code --contexts}, {@code
 * --context-selector}) one description per context and connector, JSON an array.
 */
@Command(
    name = "describe",
    description =
        "Show a connector's definition, state, tasks and config (in several contexts at once with"
            + " --all-contexts, --contexts or --context-selector).",
    subcommands = {DescribeSecretCommand.class, DescribeClusterCommand.class})
final class DescribeCommand extends ReadCommand<DescribeCommand.Described> {
  /** A connector's definition with its status. */
  record Described(Connector connector, ConnectorStatus status) {}

  DescribeCommand() {
    super(
        "describe",
        (client, name) -> new Described(client.getConnector(name), client.status(name)),
        (command, target, d) ->
            Views.description(target, d.connector(), d.status(), command.showSecrets()),
        Capability.GET,
        Capability.STATUS);
  }

  @Mixin ContextSelection contexts;

  @Override
  ContextSelection contexts() {
    return contexts;
  }

  @Override
  void table(PrintStream out, List<Reads.Found<Described>> all) {
    for (int i = 0; i < all.size(); i++) {
      if (i > 0) {
        out.println();
      }
      print(out, all.get(i).target(), all.get(i).value());
    }
  }

  @Override
  void table(PrintStream out, Target target, List<Described> all) {
    table(out, all.stream().map(d -> new Reads.Found<>(target, d.connector().name(), d)).toList());
  }

  private void print(PrintStream out, Target target, Described d) {
    ConnectorStatus s = d.status();
    heading(out, d.connector().name(), target);
    field(out, "Type", d.connector().type().name().toLowerCase());
    field(
        out, "State", s.state() + (s.vendorState().isEmpty() ? "" : " (" + s.vendorState() + ")"));
    if (!s.vendorDetails().isEmpty()) {
      field(
          out,
          "Vendor details",
          s.vendorDetails().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ")));
    }
    field(out, "Worker", s.workerId().isEmpty() ? "-" : s.workerId());
    if (!s.trace().isEmpty()) {
      field(out, "Trace", s.trace());
    }
    out.println("Tasks:" + (s.tasks().isEmpty() ? " none reported" : ""));
    if (!s.tasks().isEmpty()) {
      Table tasks = new Table("ID", "STATE", "VENDOR-STATE", "WORKER", "TRACE");
      for (TaskStatus t : s.tasks()) {
        tasks.row(t.id(), t.state(), t.vendorState(), t.workerId(), t.trace());
      }
      indent(out, tasks);
      for (TaskStatus t : s.tasks()) {
        if (t.trace().strip().lines().count() > 1) {
          out.println("  Trace of task " + t.id() + ":");
          t.trace().strip().lines().forEach(line -> out.println("    " + line.stripTrailing()));
        }
      }
    }
    out.println("Config:");
    for (Map.Entry<String, String> e :
        Views.config(d.connector().config(), showSecrets()).entrySet()) {
      out.println("  " + e.getKey() + " = " + e.getValue());
    }
  }

  /** The first fields of every {@code describe}: the name, then where it lives. */
  static void heading(PrintStream out, String name, Target target) {
    field(out, "Name", name);
    field(out, "Context", target.context());
    field(out, "Vendor", target.vendor().id());
  }

  /**
   * {@code Label: value}; a value that spans lines continues below, indented to the value column.
   */
  static void field(PrintStream out, String label, String value) {
    List<String> lines = value.strip().lines().map(String::stripTrailing).toList();
    out.println(String.format("%-16s%s", label + ":", lines.isEmpty() ? "" : lines.get(0)));
    lines.stream().skip(1).forEach(line -> out.println(" ".repeat(16) + line));
  }

  static void indent(PrintStream out, Table table) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
    table.print(capture);
    buffer
        .toString(java.nio.charset.StandardCharsets.UTF_8)
        .lines()
        .forEach(line -> out.println("  " + line));
  }
}
