package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Printer;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code offsets NAME}: committed offsets. JSON: {@code {name, context, vendor, observedAt, offsets:[{partition,
 * offset}]}}.
 */
@Command(name = "offsets", description = "Show a connector's committed offsets.")
final class OffsetsCommand extends BaseCommand {
  @Mixin
  NameSelection selection;

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(Capability.OFFSETS);
    Target target = target();
    return Reads.run(this, "read offsets of", selection, selection.resolve(client), client::offsets,
        o -> Views.offsets(target, o),
        (out, all) -> {
          Table table = new Table("CONNECTOR", "PARTITION", "OFFSET", "OBSERVED-AT");
          for (ConnectorOffsets o : all) {
            o.offsets().forEach(p -> table.row(o.name(), compact(p.partition()), compact(p.offset()), o.observedAt()));
          }
          table.print(out);
        });
  }

  private static String compact(Map<String, Object> map) {
    return Printer.json(new LinkedHashMap<>(map)).replaceAll("\\s*\\n\\s*", " ");
  }
}
