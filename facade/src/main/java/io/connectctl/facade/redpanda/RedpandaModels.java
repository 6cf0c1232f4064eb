package io.connectctl.facade.redpanda;

import io.connectctl.client.redpanda.model.ConnectorError;
import io.connectctl.client.redpanda.model.ConnectorInfoStatus;
import io.connectctl.client.redpanda.model.ConnectorPlugin;
import io.connectctl.client.redpanda.model.ConnectorSpec;
import io.connectctl.client.redpanda.model.KafkaConnectState;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns the generated Redpanda models into the facade's records. */
final class RedpandaModels {
  /** The {@code vendorDetails} key of the raw {@code holistic_state}. */
  static final String HOLISTIC_STATE = "holistic_state";

  /** The {@code vendorDetails} key of Redpanda's readable error summaries, one per line. */
  static final String ERRORS = "errors";

  private RedpandaModels() {}

  /** A connector definition; the generated {@link ConnectorSpec} is kept as the vendor model. */
  static Connector connector(ConnectorSpec spec) {
    return new Connector(spec.name(), type(spec.type()), spec.config(), spec);
  }

  /** One list entry: the definition from {@code info}, the status from {@code status}. */
  static ConnectorListing listing(ConnectorInfoStatus entry) {
    ConnectorSpec info =
        entry.info() != null ? entry.info() : new ConnectorSpec(entry.name(), null, null, null);
    return new ConnectorListing(connector(info), status(entry.status()));
  }

  /** A status, normalized per {@link RedpandaStates}. */
  static ConnectorStatus status(io.connectctl.client.redpanda.model.ConnectorStatus status) {
    String connectorState = raw(status.connector().state());
    String holistic = status.holisticState() == null ? "" : status.holisticState().value();
    // One pass over the tasks, and no map beyond the one the status keeps.
    List<String> taskStates = new ArrayList<>(status.tasks().size());
    List<TaskStatus> tasks = new ArrayList<>(status.tasks().size());
    for (var t : status.tasks()) {
      String state = raw(t.state());
      taskStates.add(state);
      tasks.add(
          new TaskStatus(
              t.id(), RedpandaStates.kafkaConnect(state), state, t.workerId(), t.trace()));
    }
    Map<String, String> details = Map.of(HOLISTIC_STATE, holistic);
    if (!status.errors().isEmpty()) {
      details = new LinkedHashMap<>(details);
      details.put(
          ERRORS,
          status.errors().stream().map(RedpandaModels::error).collect(Collectors.joining("\n")));
    }
    return new ConnectorStatus(
        status.name(),
        type(status.type()),
        RedpandaStates.connector(holistic, connectorState, taskStates),
        connectorState,
        details,
        status.connector().workerId(),
        status.connector().trace(),
        tasks);
  }

  /**
   * A connector plugin, or empty for plugins that are not connectors (converters, transformations
   * …).
   */
  static Optional<PluginInfo> plugin(ConnectorPlugin plugin) {
    ConnectorType type = ConnectorType.parse(plugin.type() == null ? null : plugin.type().value());
    return type == ConnectorType.UNKNOWN
        ? Optional.empty()
        : Optional.of(new PluginInfo(plugin.propertyClass(), type, plugin.version()));
  }

  /** The first failed task of a status, if any. */
  static Optional<TaskStatus> firstFailedTask(ConnectorStatus status) {
    return status.tasks().stream().filter(t -> t.state() == ConnectorState.FAILED).findFirst();
  }

  private static String error(ConnectorError error) {
    String type = error.type() == null ? "TYPE_UNSPECIFIED" : error.type().value();
    return "["
        + type
        + "] "
        + Objects.requireNonNullElse(error.title(), "")
        + " "
        + Objects.requireNonNullElse(error.content(), "");
  }

  private static ConnectorType type(io.connectctl.client.redpanda.model.ConnectorType type) {
    return type == null ? ConnectorType.UNKNOWN : ConnectorType.parse(type.value());
  }

  private static String raw(KafkaConnectState state) {
    return state == null ? "" : state.value();
  }
}
