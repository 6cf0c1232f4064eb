package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.YamlInput;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.PendingChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code offsets alter NAME -f FILE}: moves committed offsets. The file (YAML or JSON) is what
 * {@code offsets NAME -o json} prints, or the Kafka Connect request body: {@code {offsets:
 * [{partition: {…}, offset: {…}}]}} (a bare list works too); an entry whose {@code offset} is
 * {@code null} clears that partition. On Kafka Connect the connector must be STOPPED first; the
 * check is made before anything is sent.
 */
@Command(
    name = "alter",
    description =
        "Set a connector's committed offsets from a file (Kafka Connect: the connector must be STOPPED).")
final class OffsetsAlterCommand extends MutationCommand {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description =
          "YAML or JSON: {offsets: [{partition: {...}, offset: {...}}]}, as 'offsets NAME -o json' prints.")
  Path file;

  private List<ConnectorOffsets.PartitionOffset> offsets;

  OffsetsAlterCommand() {
    super("alter offsets", "offsets altered", null, Capability.ALTER_OFFSETS);
  }

  @Override
  public Integer call() {
    // The vendor's capability first (exit 1 "does not support"), then the file, then credentials
    // and requests.
    io.connectctl.cli.vendors.VendorDescriptions.of(target().vendor())
        .capabilities()
        .require(Capability.ALTER_OFFSETS);
    offsets = read(file);
    return super.call();
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    return client.alterOffsets(name, offsets);
  }

  /** Reads and checks the file; every problem names the file and the entry (exit 2). */
  static List<ConnectorOffsets.PartitionOffset> read(Path file) {
    String text = YamlInput.readFile(file, "offsets file");
    Object root = YamlInput.loadFile(text, true, "Offsets file " + file, "YAML or JSON");
    Object list = root instanceof Map<?, ?> map ? map.get("offsets") : root;
    if (!(list instanceof List<?> entries) || entries.isEmpty()) {
      throw CliException.usage(
          "Offsets file "
              + file
              + " must hold 'offsets': a non-empty list of "
              + "{partition: {...}, offset: {...}}");
    }
    List<ConnectorOffsets.PartitionOffset> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "Offsets file " + file + ", offsets[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw CliException.usage(at + ": must be a mapping with 'partition' and 'offset'");
      }
      for (Object key : entry.keySet()) {
        if (!"partition".equals(key) && !"offset".equals(key)) {
          throw CliException.usage(at + ": unknown key '" + key + "' (allowed: partition, offset)");
        }
      }
      if (!(entry.get("partition") instanceof Map<?, ?> partition) || partition.isEmpty()) {
        throw CliException.usage(at + ": 'partition' must be a non-empty mapping");
      }
      if (!entry.containsKey("offset")) {
        throw CliException.usage(
            at + ": 'offset' is missing (use null to clear the partition's offset)");
      }
      Object offset = entry.get("offset");
      if (offset != null && !(offset instanceof Map<?, ?>)) {
        throw CliException.usage(at + ": 'offset' must be a mapping, or null to clear it");
      }
      out.add(
          new ConnectorOffsets.PartitionOffset(
              strings(partition), offset == null ? Map.of() : strings((Map<?, ?>) offset)));
    }
    return out;
  }

  private static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
