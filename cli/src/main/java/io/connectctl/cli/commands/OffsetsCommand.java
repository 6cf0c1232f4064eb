package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Printer;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code offsets NAME}: committed offsets ({@code offsets alter} and {@code offsets reset} change
 * them). JSON: {@code {name, context, vendor, observedAt, offsets:[{partition, offset}]}}.
 */
@Command(
    name = "offsets",
    description =
        "Show a connector's committed offsets; 'offsets alter' and 'offsets reset' change them, "
            + "'offsets export' and 'offsets import' save and restore them.",
    subcommands = {
      OffsetsAlterCommand.class,
      OffsetsResetCommand.class,
      OffsetsExportCommand.class,
      OffsetsImportCommand.class
    })
final class OffsetsCommand extends ReadCommand<ConnectorOffsets> {
  OffsetsCommand() {
    super(
        "read offsets of",
        ConnectorClient::offsets,
        (command, target, offsets) -> Views.offsets(target, offsets),
        Capability.OFFSETS);
  }

  @Override
  void table(PrintStream out, Target target, List<ConnectorOffsets> all) {
    Table table = new Table("CONNECTOR", "PARTITION", "OFFSET", "OBSERVED-AT");
    for (ConnectorOffsets o : all) {
      o.offsets()
          .forEach(
              p ->
                  table.row(o.name(), compact(p.partition()), compact(p.offset()), o.observedAt()));
    }
    table.print(out);
  }

  private static String compact(Map<String, Object> map) {
    return Printer.json(new LinkedHashMap<>(map)).replaceAll("\\s*\\n\\s*", " ");
  }
}
