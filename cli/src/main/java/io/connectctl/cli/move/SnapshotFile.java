package io.connectctl.cli.move;

import io.connectctl.cli.CliException;
import io.connectctl.cli.YamlInput;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.move.OffsetSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file {@code offsets export} writes and {@code offsets import} reads: {@code {version: 1,
 * connectors: [{name, context, vendor, type, connectorClass, readAt, offsets: [{partition,
 * offset}]}]}}, as YAML or JSON.
 */
public final class SnapshotFile {
  private SnapshotFile() {}

  /** The snapshots as the file's document (a map of plain values for the printer). */
  public static Map<String, Object> document(List<OffsetSnapshot> snapshots) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", 1);
    List<Object> connectors = new ArrayList<>();
    for (OffsetSnapshot s : snapshots) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", s.connector());
      entry.put("context", s.context());
      entry.put("vendor", s.vendor().id());
      entry.put("type", s.type().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("connectorClass", s.connectorClass().isEmpty() ? null : s.connectorClass());
      entry.put("readAt", s.readAt().toString());
      List<Object> offsets = new ArrayList<>();
      for (ConnectorOffsets.PartitionOffset o : s.offsets()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("partition", new LinkedHashMap<>(o.partition()));
        one.put("offset", new LinkedHashMap<>(o.offset()));
        offsets.add(one);
      }
      entry.put("offsets", offsets);
      connectors.add(entry);
    }
    doc.put("connectors", connectors);
    return doc;
  }

  /**
   * Reads a snapshot file ({@code -} is standard input's {@code text}); every problem names the
   * file and the entry (exit 2).
   */
  public static List<OffsetSnapshot> read(String where, String text) {
    Object root = YamlInput.loadFile(text, true, "Offsets file " + where, "YAML or JSON");
    if (!(root instanceof Map<?, ?> doc) || !(doc.get("connectors") instanceof List<?> list)) {
      throw CliException.usage(
          "Offsets file " + where + " must hold 'connectors': a list, as 'offsets export' writes");
    }
    List<OffsetSnapshot> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "Offsets file " + where + ", connectors[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw CliException.usage(at + ": must be a mapping");
      }
      String name = text(entry, "name", at, true);
      Vendor vendor;
      try {
        vendor = Vendor.fromId(text(entry, "vendor", at, true));
      } catch (IllegalArgumentException e) {
        throw CliException.usage(at + ": " + e.getMessage());
      }
      Instant readAt;
      try {
        String value = text(entry, "readAt", at, false);
        readAt = value.isEmpty() ? Instant.EPOCH : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw CliException.usage(at + ": 'readAt' is not an ISO-8601 instant");
      }
      if (!(entry.get("offsets") instanceof List<?> offsets)) {
        throw CliException.usage(at + ": 'offsets' must be a list of {partition, offset}");
      }
      List<ConnectorOffsets.PartitionOffset> parsed = new ArrayList<>();
      for (int j = 0; j < offsets.size(); j++) {
        String where2 = at + ".offsets[" + j + "]";
        if (!(offsets.get(j) instanceof Map<?, ?> o)
            || !(o.get("partition") instanceof Map<?, ?> partition)
            || partition.isEmpty()) {
          throw CliException.usage(where2 + ": must have a non-empty 'partition' mapping");
        }
        Object offset = o.get("offset");
        if (offset != null && !(offset instanceof Map<?, ?>)) {
          throw CliException.usage(where2 + ": 'offset' must be a mapping, or null to clear it");
        }
        parsed.add(
            new ConnectorOffsets.PartitionOffset(
                strings(partition), offset == null ? Map.of() : strings((Map<?, ?>) offset)));
      }
      out.add(
          new OffsetSnapshot(
              name,
              text(entry, "context", at, false),
              vendor,
              ConnectorType.parse(text(entry, "type", at, false)),
              text(entry, "connectorClass", at, false),
              readAt,
              parsed));
    }
    return out;
  }

  /** Reads {@code file} ({@code -}: {@code stdin}). */
  public static List<OffsetSnapshot> read(Path file, java.io.InputStream stdin) {
    try {
      String text =
          "-".equals(file.toString())
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(file, StandardCharsets.UTF_8);
      return read(file.toString(), text);
    } catch (IOException e) {
      throw YamlInput.unreadable(file, "offsets file", e);
    }
  }

  private static String text(Map<?, ?> entry, String key, String at, boolean required) {
    Object value = entry.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      if (required) {
        throw CliException.usage(at + ": '" + key + "' is missing");
      }
      return "";
    }
    return String.valueOf(value);
  }

  private static Map<String, Object> strings(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
