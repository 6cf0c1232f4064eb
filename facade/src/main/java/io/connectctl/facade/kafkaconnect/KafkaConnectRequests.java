package io.connectctl.facade.kafkaconnect;

import io.connectctl.client.kafkaconnect.model.ConnectorOffsetChange;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetsChange;
import io.connectctl.client.kafkaconnect.model.LogLevel;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks {@link KafkaConnectConnectorClient} makes on a caller's arguments before sending, and
 * the worker's request bodies built from them. Each check throws before anything is sent.
 */
final class KafkaConnectRequests {
  private static final Vendor VENDOR = Vendor.KAFKA_CONNECT;

  private KafkaConnectRequests() {}

  /** Refuses a state a connector cannot be created in (RUNNING, PAUSED and STOPPED can). */
  static void checkInitialState(String name, ConnectorState state) {
    if (state != ConnectorState.RUNNING
        && state != ConnectorState.PAUSED
        && state != ConnectorState.STOPPED) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': a connector can be created "
              + "RUNNING, PAUSED or STOPPED, not "
              + state,
          "initialState");
    }
  }

  /** Refuses an empty config for a {@code PUT}, which replaces the whole config. */
  static void checkWholeConfig(String name, Map<String, String> config) {
    if (config.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': the new config is empty; "
              + "the whole config is replaced, so give every setting (nothing was sent)",
          "config");
    }
  }

  /**
   * Refuses an empty patch; returns the keys it sets (those with a value; {@code null} removes a
   * key).
   */
  static Map<String, String> patchedValues(String name, Map<String, String> changes) {
    if (changes.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '" + name + "': no config changes given " + "(nothing was sent)",
          "changes");
    }
    Map<String, String> present = new LinkedHashMap<>();
    changes.forEach(
        (k, v) -> {
          if (v != null) {
            present.put(k, v);
          }
        });
    return present;
  }

  /** Refuses a negative task number. */
  static void checkTask(String name, int task) {
    if (task < 0) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': task number "
              + task
              + " is negative (tasks are numbered from 0)",
          "task");
    }
  }

  /**
   * The body that alters offsets; refuses no offsets and an entry without a partition. Whole
   * numbers are sent as integers.
   */
  static ConnectorOffsetsChange offsetsChange(
      String name, List<ConnectorOffsets.PartitionOffset> changes) {
    if (changes.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR, "Connector '" + name + "': no offsets given " + "(nothing was sent)", "offsets");
    }
    List<ConnectorOffsetChange> wire = new ArrayList<>();
    for (ConnectorOffsets.PartitionOffset p : changes) {
      if (p.partition().isEmpty()) {
        throw InvalidRequestException.beforeSending(
            VENDOR,
            "Connector '" + name + "': an offsets entry has no " + "partition (nothing was sent)",
            "offsets.partition");
      }
      wire.add(
          new ConnectorOffsetChange(
              KafkaConnectModels.wireNumbers(p.partition()),
              p.offset().isEmpty() ? null : KafkaConnectModels.wireNumbers(p.offset())));
    }
    return new ConnectorOffsetsChange(wire);
  }

  /**
   * Refuses to change offsets unless {@code status} shows the connector STOPPED.
   *
   * @param verb {@code alter} or {@code reset}
   * @param where where the worker is, for the message
   */
  static void checkStopped(ConnectorStatus status, String name, String verb, String where) {
    if (!"STOPPED".equalsIgnoreCase(status.vendorState())) {
      throw new ConflictException(
          VENDOR
              + ": cannot "
              + verb
              + " offsets of connector '"
              + name
              + "'"
              + where
              + ": it is "
              + status.vendorState()
              + ", and offsets can only be changed while the connector is STOPPED;"
              + " stop it first (nothing was sent)",
          ErrorContext.of(VENDOR),
          null);
    }
  }

  /** The connector plugin to validate against: the config's {@code connector.class}, trimmed. */
  static String pluginToValidate(ConnectorDefinition definition) {
    String plugin = definition.config().get("connector.class");
    if (plugin == null || plugin.isBlank()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + definition.name()
              + "': config has no connector.class, so there is no plugin to validate against (nothing was sent)",
          "config.connector.class");
    }
    return plugin.trim();
  }

  /** The config to validate: the definition's, with its name as {@code name} when it has none. */
  static Map<String, String> configToValidate(ConnectorDefinition definition) {
    Map<String, String> config = new LinkedHashMap<>(definition.config());
    if (!definition.name().isBlank()) {
      config.putIfAbsent("name", definition.name());
    }
    return config;
  }

  /** The log level to set; refuses a missing logger name and a level the worker does not know. */
  static LogLevel logLevel(String logger, String level) {
    if (logger == null || logger.isBlank()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "A logger name is required (e.g. root or " + "org.apache.kafka.connect)",
          "logger");
    }
    String upper = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
    if (!LogLevel.knownValues().contains(LogLevel.of(upper))) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Log level '"
              + level
              + "' is not one of "
              + LogLevel.knownValues().stream().map(LogLevel::value).toList(),
          "level");
    }
    return LogLevel.of(upper);
  }
}
