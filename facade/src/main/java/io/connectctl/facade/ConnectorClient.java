package io.connectctl.facade;

import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.internal.ConfigRewrite;
import io.connectctl.facade.internal.ListedDefinitions;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One vendor-neutral API for managing Kafka Connect connectors. Implementations: {@code
 * RedpandaConnectorClient}, {@code ConfluentConnectorClient}, {@code YandexConnectorClient}, {@code
 * KafkaConnectConnectorClient}, each made by its builder.
 *
 * <p>Every operation either works the same way on every vendor, or, where a vendor lacks it (see
 * {@link #capabilities()}), throws {@link UnsupportedCapabilityException} before any request is
 * sent. Failures are {@link ConnectCloudException}s, one subclass per {@link ErrorKind}. Mutations
 * return a {@link PendingChange} that can be awaited.
 *
 * <p><b>Threads.</b> A client is thread-safe: build one per target and share it; its operations and
 * the waits of its pending changes may run on any number of threads at once (the HTTP connection
 * pool, retries and cached access tokens are shared). Builders are not thread-safe, and each
 * iterator of a {@link PagedIterable} belongs to one thread.
 *
 * <p><b>Lifecycle.</b> A client is usable from {@code build()} until {@link #close()}. Closing
 * releases the HTTP resources the client created; afterwards every operation that would send a
 * request, and every {@link PendingChange#await} of its changes, throws {@link
 * IllegalStateException} before anything is sent. Operations that send nothing ({@link #vendor()},
 * {@link #capabilities()}) keep answering.
 */
public interface ConnectorClient extends AutoCloseable {
  /** The vendor behind this client. */
  Vendor vendor();

  /** What this vendor supports. */
  Capabilities capabilities();

  /** All connectors with their status, fetched lazily page by page as the iteration proceeds. */
  PagedIterable<ConnectorListing> listConnectors();

  /**
   * Every connector's status, without the definitions where the vendor can leave them out (a
   * self-managed worker and Confluent are asked for statuses only: about half the bytes to read for
   * a large cluster); elsewhere the statuses of {@link #listConnectors()}. Fetched lazily, as that
   * listing is.
   */
  default PagedIterable<ConnectorStatus> listStatuses() {
    return listConnectors().map(ConnectorListing::status);
  }

  /** A connector's definition and config. */
  Connector getConnector(String name);

  /**
   * Several connectors' definitions, each as {@link #getConnector} reads it, in as few requests as
   * the vendor allows: from 10 names on, a self-managed worker and Confluent answer from one
   * listing (whose entry is then the definition's vendor model); otherwise one read per name, 8 at
   * a time. A connector that does not exist fails its item with a {@link
   * io.connectctl.facade.errors.NotFoundException}; a listing that fails fails every item.
   *
   * @param names the connectors, in the result's order
   */
  default BulkResult<Connector> getConnectors(Collection<String> names) {
    return ListedDefinitions.oneByOne(names, this::getConnector);
  }

  /** A connector's status. */
  ConnectorStatus status(String name);

  /** Creates a connector; await RUNNING with the returned handle. */
  PendingChange create(ConnectorDefinition definition);

  /**
   * Replaces a connector's config with {@code config} (the whole desired config).
   *
   * <p>Values equal to the vendor's mask ({@code ****}) are never sent back: the facade refuses
   * with {@link InvalidRequestException} naming the keys (read-modify-write must supply real secret
   * values). Yandex sends an {@code updateMask} covering exactly the keys that differ from the
   * current config.
   */
  PendingChange updateConfig(String name, Map<String, String> config);

  /** Deletes a connector; await its disappearance with the returned handle. */
  PendingChange delete(String name);

  /** Pauses a connector; await PAUSED. */
  PendingChange pause(String name);

  /** Resumes a connector; await RUNNING. */
  PendingChange resume(String name);

  /** Restarts a connector (and tasks, per {@code options}); await RUNNING. */
  PendingChange restart(String name, RestartOptions options);

  /** Stops a connector; await STOPPED. */
  PendingChange stop(String name);

  /** A connector's tasks with their configs. */
  List<TaskConfig> tasks(String name);

  /** The topics a connector has used. */
  List<String> topics(String name);

  /**
   * Clears the record of topics a connector has used, so that {@link #topics} shows only what it
   * touches from now on. Vendors without it ({@link Capability#RESET_TOPICS}) throw before sending
   * anything.
   *
   * @throws UnsupportedCapabilityException when the vendor cannot reset a connector's topics
   */
  default void resetTopics(String name) {
    capabilities().require(Capability.RESET_TOPICS);
    throw new UnsupportedCapabilityException(vendor(), Capability.RESET_TOPICS);
  }

  /** A connector's committed offsets. */
  ConnectorOffsets offsets(String name);

  /** The connector plugins available. */
  List<PluginInfo> plugins();

  /** A handle that completes when {@code name} reaches {@code target} (FAILED ends it at once). */
  PendingChange waitFor(String name, ConnectorState target);

  /**
   * A handle for a vendor operation started earlier (the id a {@link WaitTimeoutException}
   * reported).
   *
   * @throws UnsupportedCapabilityException for vendors without operation ids
   */
  PendingChange resumeWait(String connector, String operationId);

  /**
   * Creates a connector in {@code initialState}: {@link ConnectorState#RUNNING} is {@link
   * #create(ConnectorDefinition)}; PAUSED or STOPPED need {@link Capability#INITIAL_STATE}. Await
   * the initial state.
   *
   * @throws UnsupportedCapabilityException before sending when the vendor cannot create a connector
   *     paused or stopped
   * @throws InvalidRequestException before sending for any other state
   */
  default PendingChange create(ConnectorDefinition definition, ConnectorState initialState) {
    if (initialState == null || initialState == ConnectorState.RUNNING) {
      return create(definition);
    }
    throw new UnsupportedCapabilityException(vendor(), Capability.INITIAL_STATE);
  }

  /**
   * Changes only the given keys of a connector's config; a key mapped to {@code null} is removed,
   * keys not named stay as they are. Await a settled state.
   *
   * <p>Where the server patches natively ({@link Capability#PATCH_CONFIG}: Kafka Connect 3.8+) only
   * the changes are sent. Elsewhere the config is read, changed and written back whole with {@link
   * #updateConfig}; when a value the server masked ({@code ****}) would have to be sent back and
   * {@code changes} does not supply it, this refuses with {@link InvalidRequestException} naming
   * the keys, before anything is written.
   *
   * @throws InvalidRequestException before sending when {@code changes} is empty, or when a masked
   *     value would be written back
   */
  default PendingChange patchConfig(String name, Map<String, String> changes) {
    return ConfigRewrite.patch(this, name, changes);
  }

  /**
   * Restarts one task of a connector ({@link Capability#RESTART_TASK}); await the connector
   * RUNNING.
   */
  default PendingChange restartTask(String name, int task) {
    throw new UnsupportedCapabilityException(vendor(), Capability.RESTART_TASK);
  }

  /**
   * Moves a connector's committed offsets to {@code offsets} ({@link Capability#ALTER_OFFSETS}):
   * partitions not listed keep theirs; an entry with an empty {@code offset} map clears that
   * partition's offset. On self-managed Kafka Connect the connector must be STOPPED first (checked
   * before sending); Confluent stops and resumes it itself. Await the change being applied.
   */
  default PendingChange alterOffsets(String name, List<ConnectorOffsets.PartitionOffset> offsets) {
    throw new UnsupportedCapabilityException(vendor(), Capability.ALTER_OFFSETS);
  }

  /**
   * Clears a connector's committed offsets, so it starts over as a new one would ({@link
   * Capability#RESET_OFFSETS}); the same rule about STOPPED applies as for {@link #alterOffsets}.
   */
  default PendingChange resetOffsets(String name) {
    throw new UnsupportedCapabilityException(vendor(), Capability.RESET_OFFSETS);
  }

  /**
   * Checks {@code definition}'s config against the plugin named by its {@code connector.class}
   * without creating anything ({@link Capability#VALIDATE}).
   */
  default ConfigValidation validate(ConnectorDefinition definition) {
    throw new UnsupportedCapabilityException(vendor(), Capability.VALIDATE);
  }

  /** The loggers of the worker that answered and their levels ({@link Capability#LOGGERS}). */
  default List<LoggerLevel> loggers() {
    throw new UnsupportedCapabilityException(vendor(), Capability.LOGGERS);
  }

  /**
   * Sets {@code logger} (and the loggers below it) to {@code level} ({@link Capability#LOGGERS}).
   *
   * @param clusterWide on every worker of the cluster rather than only the one that answers
   * @return the loggers whose level changed (empty for a cluster-wide change, which the workers
   *     apply by themselves)
   */
  default List<String> setLogLevel(String logger, String level, boolean clusterWide) {
    throw new UnsupportedCapabilityException(vendor(), Capability.LOGGERS);
  }

  /**
   * The connector secrets of this target ({@link Capability#SECRETS}). Vendors without them return
   * an object whose every method throws {@link UnsupportedCapabilityException} before sending.
   */
  default ConnectorSecrets secrets() {
    return ConnectorSecrets.unsupported(vendor());
  }

  /**
   * The Connect clusters of this target ({@link Capability#CLUSTERS}). Vendors without them return
   * an object whose every method throws {@link UnsupportedCapabilityException} before sending.
   */
  default ConnectClusters clusters() {
    return ConnectClusters.unsupported(vendor());
  }

  /**
   * Releases the HTTP resources this client created (never a caller-supplied {@code OkHttpClient})
   * and refuses every later request of this client, its pending changes' waits included, with
   * {@link IllegalStateException} before it is sent. Calling it again does nothing.
   */
  @Override
  void close();
}
