package io.connectctl.facade.kafkaconnect;

import io.connectctl.client.kafkaconnect.model.ConfigInfos;
import io.connectctl.client.kafkaconnect.model.ConnectorInfo;
import io.connectctl.client.kafkaconnect.model.ExpandedConnector;
import io.connectctl.client.kafkaconnect.model.TaskInfo;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.LoggerLevel;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.internal.ExpandedListing;
import io.connectctl.facade.internal.KeyedListings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the generated Kafka Connect models into the facade's records, and back for offsets. */
final class KafkaConnectModels {
  private KafkaConnectModels() {}

  static Connector connector(ConnectorInfo info) {
    return new Connector(info.name(), type(info.type()), info.config(), info);
  }

  static ConnectorStatus status(io.connectctl.client.kafkaconnect.model.ConnectorStatus s) {
    // plain loops: a listing converts every connector of a cluster, and a fleet run tens of them
    List<TaskStatus> tasks = new ArrayList<>(s.tasks().size());
    List<String> taskStates = new ArrayList<>(s.tasks().size());
    for (io.connectctl.client.kafkaconnect.model.TaskState t : s.tasks()) {
      String taskState = t.state().value();
      taskStates.add(taskState);
      tasks.add(
          new TaskStatus(
              t.id(), KafkaConnectStates.plain(taskState), taskState, t.workerId(), t.trace()));
    }
    String raw = s.connector().state().value();
    ConnectorState state = KafkaConnectStates.connector(raw, taskStates);
    return new ConnectorStatus(
        s.name(),
        type(s.type()),
        state,
        raw,
        Map.of(),
        s.connector().workerId(),
        s.connector().trace(),
        tasks);
  }

  /**
   * The body of {@code GET /connectors?expand=status&expand=info}: an object keyed by connector
   * name.
   */
  static List<ConnectorListing> listings(Object body, String what) {
    Map<String, ExpandedConnector> entries =
        KeyedListings.entries(body, ExpandedConnector.class, Vendor.KAFKA_CONNECT, what);
    List<ConnectorListing> out = new ArrayList<>(entries.size());
    entries.forEach((name, entry) -> out.add(listing(name, entry)));
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
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

  static List<TaskConfig> tasks(List<TaskInfo> tasks) {
    return tasks.stream().map(t -> new TaskConfig(t.id().task(), t.config())).toList();
  }

  static ConnectorOffsets offsets(
      String name, io.connectctl.client.kafkaconnect.model.ConnectorOffsets o) {
    return new ConnectorOffsets(
        name,
        o.offsets().stream()
            .map(
                p ->
                    new ConnectorOffsets.PartitionOffset(
                        plainNumbers(p.partition()),
                        p.offset() == null ? Map.of() : plainNumbers(p.offset())))
            .toList(),
        "");
  }

  static List<PluginInfo> plugins(
      List<io.connectctl.client.kafkaconnect.model.PluginInfo> plugins) {
    return plugins.stream()
        .map(
            p ->
                new PluginInfo(
                    p.propertyClass(), ConnectorType.parse(p.type().value()), p.version()))
        .toList();
  }

  static ConfigValidation validation(ConfigInfos infos) {
    List<ConfigValidation.Field> fields =
        infos.configs().stream()
            .map(
                c ->
                    new ConfigValidation.Field(
                        c.value().name(),
                        c.value().value(),
                        Boolean.TRUE.equals(c.definition().required()),
                        c.definition().documentation(),
                        c.value().errors()))
            .toList();
    return new ConfigValidation(infos.name(), infos.errorCount(), infos.groups(), fields);
  }

  static List<LoggerLevel> loggers(
      Map<String, io.connectctl.client.kafkaconnect.model.LoggerLevel> levels) {
    List<LoggerLevel> out = new ArrayList<>();
    levels.forEach(
        (logger, level) ->
            out.add(
                new LoggerLevel(
                    logger,
                    level.level().value(),
                    Optional.ofNullable(level.lastModified()).map(Instant::ofEpochMilli))));
    return out;
  }

  private static ConnectorType type(io.connectctl.client.kafkaconnect.model.ConnectorType type) {
    return ConnectorType.parse(type == null ? null : type.value());
  }

  /**
   * What is sent for an offset or partition map: whole numbers (which arrive from JSON and YAML as
   * doubles, or as longs) become {@code Long}, because a worker refuses {@code 5.0} where a
   * connector expects an integer.
   */
  static Map<String, Object> wireNumbers(Map<String, Object> map) {
    return plainNumbers(map);
  }

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
    if (value instanceof Float f && f == Math.rint(f) && !f.isInfinite()) {
      return f.longValue();
    }
    if (value instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0) {
      return b.longValueExact();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Map<?, ?> m) {
      return plainNumbers((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      return l.stream().map(KafkaConnectModels::plainNumber).toList();
    }
    return value;
  }
}
