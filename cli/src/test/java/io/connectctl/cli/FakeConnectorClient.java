package io.connectctl.cli;

import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory {@link ConnectorClient} for CLI tests that need no server: connectors held in maps,
 * every mutation recorded, waits that either complete at once or report a timeout at once (no real
 * time passes).
 */
final class FakeConnectorClient implements ConnectorClient {
  final Vendor vendor;
  final Set<Capability> capabilities;
  final Map<String, Connector> connectors = Collections.synchronizedMap(new LinkedHashMap<>());
  final Map<String, ConnectorStatus> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> mutations = Collections.synchronizedList(new ArrayList<>());

  /** The connectors {@link #validate} was asked about, as {@code NAME {config}}. */
  final List<String> validated = Collections.synchronizedList(new ArrayList<>());

  boolean waitsTimeOut;
  boolean closed;

  FakeConnectorClient(Vendor vendor, Set<Capability> capabilities) {
    this.vendor = vendor;
    this.capabilities = capabilities;
  }

  /** Everything but what {@code vendor} lacks in the real clients. */
  static FakeConnectorClient of(Vendor vendor) {
    Set<Capability> caps = EnumSet.allOf(Capability.class);
    switch (vendor) {
      case REDPANDA -> caps.removeAll(EnumSet.of(Capability.TASKS, Capability.OFFSETS));
      case CONFLUENT ->
          caps.removeAll(
              EnumSet.of(Capability.STOP, Capability.TOPICS, Capability.RESTART_TASK_OPTIONS));
      case YANDEX ->
          caps.removeAll(
              EnumSet.of(
                  Capability.RESTART,
                  Capability.RESTART_TASK_OPTIONS,
                  Capability.STOP,
                  Capability.TASKS,
                  Capability.TOPICS,
                  Capability.OFFSETS,
                  Capability.PLUGINS));
    }
    return new FakeConnectorClient(vendor, caps);
  }

  FakeConnectorClient with(String name, ConnectorState state, Map<String, String> config) {
    connectors.put(name, new Connector(name, ConnectorType.SINK, config, null));
    statuses.put(name, status(name, state));
    return this;
  }

  static ConnectorStatus status(String name, ConnectorState state) {
    return new ConnectorStatus(
        name,
        ConnectorType.SINK,
        state,
        state.name(),
        Map.of("holistic_state", "X_" + state),
        "worker-1:8083",
        "",
        List.of(
            new TaskStatus(0, state, state.name(), "worker-1:8083", ""),
            new TaskStatus(
                1, ConnectorState.FAILED, "FAILED", "worker-2:8083", "java.lang.Boom\n\tat x")));
  }

  private void require(Capability capability) {
    new Capabilities(vendor, capabilities).require(capability);
  }

  private NotFoundException notFound(String name) {
    return new NotFoundException(
        "Connector '" + name + "' not found",
        ErrorContext.response(vendor, 404)
            .withVendorError("NOT_FOUND", "connector " + name + " does not exist")
            .withRequestId("req-1"),
        null);
  }

  /** Every config is valid; the call is recorded in {@link #validated}. */
  @Override
  public io.connectctl.facade.ConfigValidation validate(ConnectorDefinition definition) {
    require(Capability.VALIDATE);
    validated.add(definition.name() + " " + new java.util.TreeMap<>(definition.config()));
    return new io.connectctl.facade.ConfigValidation(
        definition.config().getOrDefault("connector.class", ""), 0, List.of(), List.of());
  }

  @Override
  public Vendor vendor() {
    return vendor;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(vendor, capabilities);
  }

  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    require(Capability.LIST);
    return PagedIterable.ofSinglePage(
        () -> {
          synchronized (connectors) {
            return connectors.values().stream()
                .map(c -> new ConnectorListing(c, statuses.get(c.name())))
                .toList();
          }
        });
  }

  @Override
  public Connector getConnector(String name) {
    require(Capability.GET);
    Connector c = connectors.get(name);
    if (c == null) {
      throw notFound(name);
    }
    return c;
  }

  @Override
  public ConnectorStatus status(String name) {
    require(Capability.STATUS);
    ConnectorStatus s = statuses.get(name);
    if (s == null) {
      throw notFound(name);
    }
    return s;
  }

  private PendingChange change(String name, ConnectorState target) {
    return new PendingChange() {
      @Override
      public String connector() {
        return name;
      }

      @Override
      public String target() {
        return target.name();
      }

      @Override
      public String operationId() {
        return vendor == Vendor.YANDEX ? "op-" + name : "";
      }

      @Override
      public ChangeResult await(Duration timeout, Consumer<String> progress) {
        if (waitsTimeOut) {
          throw new WaitTimeoutException(
              vendor, name, target.name(), "RUNNING", operationId(), timeout);
        }
        progress.accept("state " + target);
        ConnectorStatus reached = status(name, target);
        statuses.put(name, reached);
        return new ChangeResult(name, operationId(), Optional.of(reached), 1);
      }
    };
  }

  private PendingChange mutate(
      Capability capability, String verb, String name, ConnectorState target) {
    require(capability);
    if (!connectors.containsKey(name)) {
      throw notFound(name);
    }
    mutations.add(verb + " " + name);
    return change(name, target);
  }

  @Override
  public PendingChange create(ConnectorDefinition definition) {
    require(Capability.CREATE);
    mutations.add(
        "create " + definition.name() + " " + new java.util.TreeMap<>(definition.config()));
    connectors.put(
        definition.name(),
        new Connector(definition.name(), ConnectorType.SINK, definition.config(), null));
    statuses.put(definition.name(), status(definition.name(), ConnectorState.RUNNING));
    return change(definition.name(), ConnectorState.RUNNING);
  }

  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    PendingChange change = mutate(Capability.UPDATE_CONFIG, "update", name, ConnectorState.RUNNING);
    mutations.set(mutations.size() - 1, "update " + name + " " + new java.util.TreeMap<>(config));
    connectors.put(name, new Connector(name, ConnectorType.SINK, config, null));
    return change;
  }

  @Override
  public PendingChange delete(String name) {
    return mutate(Capability.DELETE, "delete", name, ConnectorState.DELETED);
  }

  @Override
  public PendingChange pause(String name) {
    return mutate(Capability.PAUSE, "pause", name, ConnectorState.PAUSED);
  }

  @Override
  public PendingChange resume(String name) {
    return mutate(Capability.RESUME, "resume", name, ConnectorState.RUNNING);
  }

  @Override
  public PendingChange restart(String name, RestartOptions options) {
    require(Capability.RESTART);
    if (options.includeTasks() || options.onlyFailed()) {
      require(Capability.RESTART_TASK_OPTIONS);
    }
    return mutate(
        Capability.RESTART,
        "restart"
            + (options.includeTasks() ? "+tasks" : "")
            + (options.onlyFailed() ? "+failed" : ""),
        name,
        ConnectorState.RUNNING);
  }

  @Override
  public PendingChange stop(String name) {
    return mutate(Capability.STOP, "stop", name, ConnectorState.STOPPED);
  }

  @Override
  public List<TaskConfig> tasks(String name) {
    require(Capability.TASKS);
    getConnector(name);
    return List.of(new TaskConfig(0, Map.of("task.class", "x.Task", "db.password", "hunter22")));
  }

  @Override
  public List<String> topics(String name) {
    require(Capability.TOPICS);
    getConnector(name);
    return List.of("orders", "payments");
  }

  @Override
  public ConnectorOffsets offsets(String name) {
    require(Capability.OFFSETS);
    getConnector(name);
    return new ConnectorOffsets(
        name,
        List.of(
            new ConnectorOffsets.PartitionOffset(
                Map.of("kafka_partition", 0), Map.of("kafka_offset", 42))),
        "2025-01-01T00:00:00Z");
  }

  @Override
  public List<PluginInfo> plugins() {
    require(Capability.PLUGINS);
    return List.of(new PluginInfo("io.example.SinkConnector", ConnectorType.SINK, "1.2.3"));
  }

  @Override
  public PendingChange waitFor(String name, ConnectorState target) {
    require(Capability.STATUS);
    status(name);
    return change(name, target);
  }

  @Override
  public PendingChange resumeWait(String connector, String operationId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    closed = true;
  }
}
