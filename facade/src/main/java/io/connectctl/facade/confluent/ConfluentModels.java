package io.connectctl.facade.confluent;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.connectctl.client.confluent.model.ConfigValidationResult;
import io.connectctl.client.confluent.model.ConnectorPlugin;
import io.connectctl.client.confluent.model.ConnectorTask;
import io.connectctl.client.confluent.model.ExpandedConnector;
import io.connectctl.client.confluent.model.PartitionOffset;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.internal.ExpandedListing;
import io.connectctl.facade.internal.KeyedListings;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the generated Confluent models into the facade's records. */
final class ConfluentModels {
  /**
   * Strings up to this length are shared between the entries of one listing (keys, states, repeated
   * values).
   */
  private static final int SHARED_STRING_MAX = 64;

  private ConfluentModels() {}

  static Connector connector(io.connectctl.client.confluent.model.Connector c) {
    return new Connector(c.name(), type(c.type()), c.config(), c);
  }

  static ConnectorStatus status(io.connectctl.client.confluent.model.ConnectorStatus s) {
    List<TaskStatus> tasks =
        s.tasks().stream()
            .map(
                t ->
                    new TaskStatus(
                        t.id(), ConfluentStates.task(t.state()), t.state(), t.workerId(), t.msg()))
            .toList();
    String raw = s.connector().state().value();
    return new ConnectorStatus(
        s.name(),
        type(s.type()),
        ConfluentStates.connector(raw),
        raw,
        Map.of(),
        s.connector().workerId(),
        s.connector().trace(),
        tasks);
  }

  /**
   * Decodes the body of {@code listConnectors} called with {@code expand}: an object keyed by
   * connector name. An empty array (no connectors) is accepted too.
   */
  static List<ConnectorListing> listings(Object body, String what) {
    Map<String, ExpandedConnector> entries =
        KeyedListings.entries(body, ExpandedConnector.class, Vendor.CONFLUENT, what);
    List<ConnectorListing> out = new ArrayList<>(entries.size());
    entries.forEach((name, entry) -> out.add(listing(name, entry)));
    return out;
  }

  /**
   * The adapter of one listing entry: the generated models' Moshi, reading every string of one
   * listing through one canonicalising table (config keys, states and common values repeat across
   * entries and are kept once).
   */
  static JsonAdapter<ExpandedConnector> listingEntries() {
    return sharingStrings().adapter(ExpandedConnector.class);
  }

  /** The generated models' Moshi, reading every string through one canonicalising table. */
  private static Moshi sharingStrings() {
    Map<String, String> shared = new HashMap<>();
    JsonAdapter<String> strings =
        new JsonAdapter<>() {
          @Override
          public String fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
              return reader.nextNull();
            }
            String value = reader.nextString();
            return value.length() > SHARED_STRING_MAX
                ? value
                : shared.computeIfAbsent(value, v -> v);
          }

          @Override
          public void toJson(JsonWriter writer, String value) throws IOException {
            writer.value(value);
          }
        };
    return ModelJson.moshi().newBuilder().add(String.class, strings).build();
  }

  private static ConnectorListing listing(String name, ExpandedConnector entry) {
    return ExpandedListing.of(
        name,
        entry,
        entry.status() == null ? null : status(entry.status()),
        entry.info() == null
            ? null
            : new Connector(
                entry.info().name(), type(entry.info().type()), entry.info().config(), entry));
  }

  static List<TaskConfig> tasks(List<ConnectorTask> tasks) {
    return tasks == null
        ? List.of()
        : tasks.stream().map(t -> new TaskConfig(t.id().task(), t.config())).toList();
  }

  static ConnectorOffsets offsets(
      String name, io.connectctl.client.confluent.model.ConnectorOffsets o) {
    List<ConnectorOffsets.PartitionOffset> entries =
        o.offsets().stream().map(ConfluentModels::partitionOffset).toList();
    String observedAt =
        o.metadata() == null || o.metadata().observedAt() == null
            ? ""
            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.metadata().observedAt());
    return new ConnectorOffsets(o.name() == null ? name : o.name(), entries, observedAt);
  }

  private static ConnectorOffsets.PartitionOffset partitionOffset(PartitionOffset p) {
    return new ConnectorOffsets.PartitionOffset(
        plainNumbers(p.partition()), plainNumbers(p.offset()));
  }

  static List<PluginInfo> plugins(List<ConnectorPlugin> plugins) {
    return plugins == null
        ? List.of()
        : plugins.stream()
            .map(p -> new PluginInfo(p.propertyClass(), type(p.type()), p.version()))
            .toList();
  }

  static ConfigValidation validation(ConfigValidationResult result) {
    List<ConfigValidation.Field> fields =
        result.configs().stream()
            .filter(c -> c.value() != null)
            .map(
                c ->
                    new ConfigValidation.Field(
                        c.value().name(),
                        c.value().value(),
                        c.definition() != null && Boolean.TRUE.equals(c.definition().required()),
                        c.definition() == null ? "" : c.definition().documentation(),
                        c.value().errors()))
            .toList();
    return new ConfigValidation(
        result.name(),
        result.errorCount() == null ? 0 : result.errorCount(),
        result.groups(),
        fields);
  }

  private static ConnectorType type(io.connectctl.client.confluent.model.ConnectorType type) {
    return ConnectorType.parse(type == null ? null : type.value());
  }

  /**
   * JSON numbers arrive as doubles; whole ones (partitions, Kafka offsets, timestamps) become
   * {@code Long} so they print as they were sent ({@code 1907764}, not {@code 1907764.0}).
   */
  private static Map<String, Object> plainNumbers(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, plainNumber(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object plainNumber(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 0x1p53) {
      return d.longValue();
    }
    if (value instanceof Map<?, ?> m) {
      return plainNumbers((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      return l.stream().map(ConfluentModels::plainNumber).toList();
    }
    return value;
  }
}
