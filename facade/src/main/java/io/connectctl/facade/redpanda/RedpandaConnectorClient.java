package io.connectctl.facade.redpanda;

import io.connectctl.client.redpanda.api.ConnectClustersApi;
import io.connectctl.client.redpanda.api.ConnectorsApi;
import io.connectctl.client.redpanda.api.SecretsApi;
import io.connectctl.client.redpanda.model.ConnectClusterResponse;
import io.connectctl.client.redpanda.model.ConnectorResponse;
import io.connectctl.client.redpanda.model.ConnectorStatusResponse;
import io.connectctl.client.redpanda.model.CreateConnectorRequest;
import io.connectctl.client.redpanda.model.ListConnectorTopicsResponse;
import io.connectctl.client.redpanda.model.ListConnectorsResponse;
import io.connectctl.client.redpanda.model.RestartConnectorRequest;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConnectClusters;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorFailedException;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorNames;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorSecrets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.InvalidRequestException;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.UnsupportedCapabilityException;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.http.Calls;
import io.connectctl.facade.http.ClientOptions;
import io.connectctl.facade.http.ErrorMapper;
import io.connectctl.facade.http.HttpStack;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.StatusChange;
import io.connectctl.facade.internal.Waiter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * {@link ConnectorClient} for Redpanda Cloud's Data Plane API (Kafka Connect, v1).
 *
 * <p>One client talks to one Connect cluster of one Redpanda cluster: the base URL is the cluster's
 * {@code dataplane_api.url}, and the Connect cluster is {@code redpanda} on Redpanda Cloud.
 *
 * <pre>{@code
 * try (ConnectorClient client = RedpandaConnectorClient.builder()
 *     .baseUrl("https://api-a1b2c3.d4e5f6.fmc.prd.cloud.redpanda.com")
 *     .build()) {
 *   client.pause("orders-s3-sink").await(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>States are normalized as {@link RedpandaStates} describes. Changes are asynchronous on Redpanda's side; the
 * returned {@link PendingChange}s poll the connector's status. Waiting for RUNNING also ends at once, with
 * {@link ConnectorFailedException}, when the connector runs DEGRADED with a FAILED task, since Kafka Connect does
 * not restart failed tasks by itself. After a restart or resume, though, a failure is taken as the state from
 * before the request, and polled on, until the connector has shown some other state. Not offered by Redpanda:
 * task configs, offsets and resuming a wait by operation id.
 */
public final class RedpandaConnectorClient implements ConnectorClient {
  /** The Connect cluster name on Redpanda Cloud. */
  public static final String DEFAULT_CONNECT_CLUSTER = "redpanda";
  /** Redpanda Cloud's OAuth2 token endpoint, used when credentials come from the environment. */
  public static final String DEFAULT_TOKEN_URL = "https://auth.prd.cloud.redpanda.com/oauth/token";

  private static final Vendor VENDOR = Vendor.REDPANDA;
  private static final int PAGE_SIZE = 100;
  /** What this vendor supports, known without building a client. */
  public static final Capabilities CAPABILITIES = new Capabilities(VENDOR, EnumSet.of(
      Capability.LIST, Capability.GET, Capability.STATUS, Capability.CREATE, Capability.UPDATE_CONFIG,
      Capability.DELETE, Capability.PAUSE, Capability.RESUME, Capability.RESTART, Capability.RESTART_TASK_OPTIONS,
      Capability.STOP, Capability.TOPICS, Capability.PLUGINS, Capability.SECRETS, Capability.CLUSTERS));

  private final HttpUrl baseUrl;
  private final String cluster;
  private final ClientOptions options;
  private final OkHttpClient http;
  private final ConnectorsApi connectors;
  private final ConnectClustersApi clusters;
  private final Waiter waiter;
  private final RedpandaSecrets secrets;
  private final RedpandaClusters connectClusters;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedpandaConnectorClient(HttpUrl baseUrl, String cluster, ClientOptions options) {
    this.baseUrl = baseUrl;
    this.cluster = cluster;
    this.options = options;
    this.http = HttpStack.build(VENDOR, options);
    var retrofit = GeneratedClients.retrofit(baseUrl, http);
    this.connectors = retrofit.create(ConnectorsApi.class);
    this.clusters = retrofit.create(ConnectClustersApi.class);
    this.waiter = Waiter.of(options.pollingPolicy());
    this.secrets = new RedpandaSecrets(retrofit.create(SecretsApi.class), cluster);
    this.connectClusters = new RedpandaClusters(clusters);
  }

  /** A builder; {@link Builder#baseUrl(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The data plane URL this client talks to. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The Connect cluster this client manages. */
  public String connectCluster() {
    return cluster;
  }

  @Override
  public Vendor vendor() {
    return VENDOR;
  }

  /**
   * Everything but {@link Capability#TASKS}, {@link Capability#OFFSETS} and {@link Capability#RESUME_WAIT}.
   * Plugins are those the Connect cluster reports as installed.
   */
  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** Fetched 100 connectors per request, following {@code next_page_token}. */
  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return new PagedIterable<>(this::page);
  }

  private PagedIterable.Page<ConnectorListing> page(String token) {
    String what = "list connectors on " + where();
    ListConnectorsResponse response = body(
        Calls.execute(VENDOR, connectors.listConnectors(cluster, PAGE_SIZE, token.isEmpty() ? null : token), what),
        what);
    String next = Objects.requireNonNullElse(response.nextPageToken(), "");
    if (!next.isEmpty() && next.equals(token)) {
      throw ErrorMapper.fromMalformedBody(VENDOR,
          new IllegalStateException("the server answered page token '" + token + "' with the same token again"), what);
    }
    return new PagedIterable.Page<>(response.connectors().stream().map(RedpandaModels::listing).toList(), next);
  }

  @Override
  public Connector getConnector(String name) {
    check(name);
    String what = "read connector " + on(name);
    ConnectorResponse response = body(Calls.execute(VENDOR, connectors.getConnector(cluster, name), what), what);
    return RedpandaModels.connector(response.connector());
  }

  @Override
  public ConnectorStatus status(String name) {
    check(name);
    return readStatus(name);
  }

  private ConnectorStatus readStatus(String name) {
    String what = "read status of connector " + on(name);
    ConnectorStatusResponse response =
        body(Calls.execute(VENDOR, connectors.getConnectorStatus(cluster, name), what), what);
    return RedpandaModels.status(response.status());
  }

  /** Await RUNNING. Masked values ({@code ****}) in the config are refused before sending. */
  @Override
  public PendingChange create(ConnectorDefinition definition) {
    if (definition == null) {
      throw InvalidRequestException.beforeSending(VENDOR, "A connector definition is required", "definition");
    }
    String name = check(definition.name());
    MaskedValues.refuseMasked(VENDOR, name, definition.config());
    Calls.execute(VENDOR, connectors.createConnector(cluster, new CreateConnectorRequest(name, definition.config())),
        "create connector " + on(name));
    return untilState(name, ConnectorState.RUNNING);
  }

  /** Sends the whole config (Redpanda upserts: a missing connector is created). Await a settled state. */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    check(name);
    if (config == null) {
      throw InvalidRequestException.beforeSending(VENDOR, "The new config of connector '" + name + "' is required",
          "config");
    }
    MaskedValues.refuseMasked(VENDOR, name, config);
    Calls.execute(VENDOR, connectors.upsertConnectorConfig(cluster, name, config), "update config of connector " + on(name));
    return StatusChange.untilSettled(VENDOR, name, () -> readStatus(name), waiter);
  }

  @Override
  public PendingChange delete(String name) {
    check(name);
    Calls.execute(VENDOR, connectors.deleteConnector(cluster, name), "delete connector " + on(name));
    return StatusChange.untilGone(VENDOR, name, () -> readStatus(name), waiter);
  }

  @Override
  public PendingChange pause(String name) {
    check(name);
    Calls.execute(VENDOR, connectors.pauseConnector(cluster, name), "pause connector " + on(name));
    return untilState(name, ConnectorState.PAUSED);
  }

  @Override
  public PendingChange resume(String name) {
    check(name);
    Calls.execute(VENDOR, connectors.resumeConnector(cluster, name), "resume connector " + on(name));
    return checkingTasks(name, ConnectorState.RUNNING,
        StatusChange.untilStateAfterResume(VENDOR, name, ConnectorState.RUNNING, () -> readStatus(name), waiter));
  }

  /** Always sends both flags; {@code null} options mean {@link RestartOptions#CONNECTOR_ONLY}. */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    check(name);
    RestartOptions effective = Objects.requireNonNullElse(options, RestartOptions.CONNECTOR_ONLY);
    Calls.execute(VENDOR, connectors.restartConnector(cluster, name,
            new RestartConnectorRequest(effective.includeTasks(), effective.onlyFailed())),
        "restart connector " + on(name));
    return checkingTasks(name, ConnectorState.RUNNING,
        StatusChange.untilStateAfterRestart(VENDOR, name, ConnectorState.RUNNING, () -> readStatus(name), waiter));
  }

  @Override
  public PendingChange stop(String name) {
    check(name);
    Calls.execute(VENDOR, connectors.stopConnector(cluster, name), "stop connector " + on(name));
    return untilState(name, ConnectorState.STOPPED);
  }

  /** Not offered by Redpanda: always throws {@link UnsupportedCapabilityException}, sending nothing. */
  @Override
  public List<TaskConfig> tasks(String name) {
    throw unsupported(Capability.TASKS);
  }

  @Override
  public List<String> topics(String name) {
    check(name);
    String what = "list topics of connector " + on(name);
    ListConnectorTopicsResponse response =
        body(Calls.execute(VENDOR, connectors.listConnectorTopics(cluster, name), what), what);
    return response.topics();
  }

  /** Not offered by Redpanda: always throws {@link UnsupportedCapabilityException}, sending nothing. */
  @Override
  public ConnectorOffsets offsets(String name) {
    throw unsupported(Capability.OFFSETS);
  }

  /** The source and sink connector plugins the Connect cluster reports; converters and the like are left out. */
  @Override
  public List<PluginInfo> plugins() {
    String what = "list plugins of " + where();
    ConnectClusterResponse response = body(Calls.execute(VENDOR, clusters.getConnectCluster(cluster), what), what);
    return response.cluster().plugins().stream().map(RedpandaModels::plugin).flatMap(Optional::stream).toList();
  }

  /** {@link ConnectorState#DELETED} waits until the connector is gone. */
  @Override
  public PendingChange waitFor(String name, ConnectorState target) {
    check(name);
    if (target == null) {
      throw InvalidRequestException.beforeSending(VENDOR, "A target state to wait for is required", "target");
    }
    return target == ConnectorState.DELETED
        ? StatusChange.untilGone(VENDOR, name, () -> readStatus(name), waiter)
        : untilState(name, target);
  }

  /**
   * Redpanda changes have no operation ids, so there is no wait to resume: use {@link #waitFor} instead.
   *
   * @throws UnsupportedCapabilityException always, sending nothing
   */
  @Override
  public PendingChange resumeWait(String connector, String operationId) {
    throw unsupported(Capability.RESUME_WAIT);
  }

  /** The Connect cluster's secrets (values are JSON objects of config keys and values, sent Base64-encoded). */
  @Override
  public ConnectorSecrets secrets() {
    return secrets;
  }

  /** The Connect clusters of this data plane (on Redpanda Cloud, one named {@code redpanda}). */
  @Override
  public ConnectClusters clusters() {
    return connectClusters;
  }

  /** Releases the connection pool and threads, unless they belong to a caller-supplied {@code OkHttpClient}. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      HttpStack.release(http, options);
    }
  }

  @Override
  public String toString() {
    return "RedpandaConnectorClient[baseUrl=" + baseUrl + ", connectCluster=" + cluster + "]";
  }

  private PendingChange untilState(String name, ConnectorState target) {
    return checkingTasks(name, target,
        StatusChange.untilState(VENDOR, name, target, () -> readStatus(name), waiter));
  }

  /** Waits for RUNNING also end on a failed task (see {@link #failedTask}). */
  private static StatusChange checkingTasks(String name, ConnectorState target, StatusChange change) {
    return target == ConnectorState.RUNNING ? change.failingAlsoWhen(status -> failedTask(name, status)) : change;
  }

  /**
   * A connector that runs with a FAILED task (DEGRADED) cannot become RUNNING by itself: waiting for RUNNING ends
   * here with the task's trace (after a restart or resume, once the connector has shown another state). Passing
   * states (restarting, unassigned, paused …) are polled on.
   */
  private static Optional<ConnectorFailedException> failedTask(String name, ConnectorStatus status) {
    if (status.state() != ConnectorState.DEGRADED) {
      return Optional.empty();
    }
    return RedpandaModels.firstFailedTask(status).map(task -> new ConnectorFailedException(VENDOR, name,
        "Connector '" + name + "' is " + status.state() + ": task " + task.id() + " FAILED while waiting for RUNNING"
            + firstLine(task.trace()), status.vendorState(), task.trace(), ""));
  }

  private static String firstLine(String trace) {
    int nl = trace.indexOf('\n');
    return trace.isEmpty() ? "" : ": " + (nl < 0 ? trace : trace.substring(0, nl));
  }

  private UnsupportedCapabilityException unsupported(Capability capability) {
    CAPABILITIES.require(capability);
    return new UnsupportedCapabilityException(VENDOR, capability);
  }

  private static String check(String name) {
    return ConnectorNames.check(VENDOR, name);
  }

  private String on(String name) {
    return "'" + name + "' on " + where();
  }

  private String where() {
    return "Connect cluster '" + cluster + "'";
  }

  private static <T> T body(T body, String what) {
    if (body == null) {
      throw ErrorMapper.fromMalformedBody(VENDOR, new IllegalStateException("the response had no body"), what);
    }
    return body;
  }

  /**
   * Builds a {@link RedpandaConnectorClient}. Without {@link #credentials credentials}, {@link #build()} reads
   * them from the environment ({@code REDPANDA_TOKEN}, or {@code REDPANDA_CLIENT_ID} and
   * {@code REDPANDA_CLIENT_SECRET} exchanged at {@link #tokenUrl(String) tokenUrl}).
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

    private String baseUrl;
    private String connectCluster = DEFAULT_CONNECT_CLUSTER;
    private String tokenUrl = DEFAULT_TOKEN_URL;

    private Builder() {}

    /** The cluster's Data Plane API URL ({@code dataplane_api.url}); required. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** The Connect cluster (default {@value RedpandaConnectorClient#DEFAULT_CONNECT_CLUSTER}). */
    public Builder connectCluster(String connectCluster) {
      this.connectCluster = connectCluster;
      return this;
    }

    /** The OAuth2 token endpoint for client-id credentials (default {@value RedpandaConnectorClient#DEFAULT_TOKEN_URL}). */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * Checks the settings and builds the client.
     *
     * @throws InvalidRequestException naming the setting that is missing or wrong ({@code baseUrl},
     *     {@code connectCluster}, {@code tokenUrl})
     * @throws io.connectctl.facade.UnauthorizedException when no credentials were set and the environment has none
     */
    public RedpandaConnectorClient build() {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw InvalidRequestException.beforeSending(VENDOR,
            "baseUrl is required: the Data Plane API URL of the Redpanda cluster", "baseUrl");
      }
      if (connectCluster == null || !CLUSTER_NAME.matcher(connectCluster).matches()) {
        throw InvalidRequestException.beforeSending(VENDOR, "connectCluster '" + connectCluster
            + "' is not a Connect cluster name: use 1 to 128 letters, digits, '-' or '_'", "connectCluster");
      }
      if (tokenUrl == null || tokenUrl.isBlank()) {
        throw InvalidRequestException.beforeSending(VENDOR, "tokenUrl must not be empty", "tokenUrl");
      }
      // The URL's form is checked before credentials are looked for, so a typo is reported as such.
      HttpStack.baseUrl(VENDOR, baseUrl, "baseUrl", true);
      String tokenEndpoint = tokenUrl.trim();
      ClientOptions options = options(() -> EnvironmentCredentials.redpanda(System.getenv(), tokenEndpoint));
      HttpUrl url = HttpStack.baseUrl(VENDOR, baseUrl, "baseUrl", options.allowInsecureHttp());
      return new RedpandaConnectorClient(url, connectCluster, options);
    }
  }
}
