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
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorSecrets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.internal.BaseConnectorClient;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.ErrorMapper;
import io.connectctl.facade.internal.HttpStack;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.StatusChange;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

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
 * <p>States are normalized as {@link RedpandaStates} describes. Changes are asynchronous on
 * Redpanda's side; the returned {@link PendingChange}s poll the connector's status. Waiting for
 * RUNNING also ends at once, with {@link ConnectorFailedException}, when the connector runs
 * DEGRADED with a FAILED task, since Kafka Connect does not restart failed tasks by itself. After a
 * restart or resume, though, a failure is taken as the state from before the request, and polled
 * on, until the connector has shown some other state. Not offered by Redpanda: task configs,
 * offsets and resuming a wait by operation id.
 */
public final class RedpandaConnectorClient extends BaseConnectorClient {
  /** The Connect cluster name on Redpanda Cloud. */
  public static final String DEFAULT_CONNECT_CLUSTER = "redpanda";

  /** Redpanda Cloud's OAuth2 token endpoint, used when credentials come from the environment. */
  public static final String DEFAULT_TOKEN_URL = "https://auth.prd.cloud.redpanda.com/oauth/token";

  private static final Vendor VENDOR = Vendor.REDPANDA;
  private static final int PAGE_SIZE = 100;

  /**
   * What this vendor supports, known without building a client: everything but {@link
   * Capability#TASKS}, {@link Capability#OFFSETS} and {@link Capability#RESUME_WAIT}.
   */
  public static final Capabilities CAPABILITIES =
      new Capabilities(
          VENDOR,
          EnumSet.of(
              Capability.LIST,
              Capability.GET,
              Capability.STATUS,
              Capability.CREATE,
              Capability.UPDATE_CONFIG,
              Capability.DELETE,
              Capability.PAUSE,
              Capability.RESUME,
              Capability.RESTART,
              Capability.RESTART_TASK_OPTIONS,
              Capability.STOP,
              Capability.TOPICS,
              Capability.RESET_TOPICS,
              Capability.PLUGINS,
              Capability.SECRETS,
              Capability.CLUSTERS));

  private final HttpUrl baseUrl;
  private final String cluster;
  private final ConnectorsApi connectors;
  private final ConnectClustersApi clusters;
  private final RedpandaSecrets secrets;
  private final RedpandaClusters connectClusters;

  private RedpandaConnectorClient(HttpUrl baseUrl, String cluster, ClientOptions options) {
    super(CAPABILITIES, options, List.of(baseUrl));
    this.baseUrl = baseUrl;
    this.cluster = cluster;
    var retrofit = GeneratedClients.retrofit(baseUrl, http());
    this.connectors = retrofit.create(ConnectorsApi.class);
    this.clusters = retrofit.create(ConnectClustersApi.class);
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

  /** Fetched 100 connectors per request, following {@code next_page_token}. */
  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return new PagedIterable<>(this::page).distinctBy(ConnectorListing::name);
  }

  private PagedIterable.Page<ConnectorListing> page(String token) {
    String what = "list connectors" + where();
    ListConnectorsResponse response =
        read(connectors.listConnectors(cluster, PAGE_SIZE, token.isEmpty() ? null : token), what);
    String next = Objects.requireNonNullElse(response.nextPageToken(), "");
    if (!next.isEmpty() && next.equals(token)) {
      throw ErrorMapper.fromMalformedBody(
          VENDOR,
          new IllegalStateException(
              "the server answered page token '" + token + "' with the same token again"),
          what);
    }
    return new PagedIterable.Page<>(
        response.connectors().stream().map(RedpandaModels::listing).toList(), next);
  }

  @Override
  public Connector getConnector(String name) {
    name(name);
    ConnectorResponse response = read(connectors.getConnector(cluster, name), about("read", name));
    return RedpandaModels.connector(response.connector());
  }

  @Override
  protected ConnectorStatus readStatus(String name) {
    ConnectorStatusResponse response =
        read(connectors.getConnectorStatus(cluster, name), about("read status of", name));
    return RedpandaModels.status(response.status());
  }

  /** Await RUNNING. Masked values ({@code ****}) in the config are refused before sending. */
  @Override
  public PendingChange create(ConnectorDefinition definition) {
    required(definition, "definition", "A connector definition is required");
    String name = name(definition.name());
    MaskedValues.refuseMasked(VENDOR, name, definition.config());
    return sendCreate(
        connectors.createConnector(cluster, new CreateConnectorRequest(name, definition.config())),
        name,
        definition.config(),
        () -> untilState(name, ConnectorState.RUNNING));
  }

  /**
   * Sends the whole config (Redpanda upserts: a missing connector is created). Await a settled
   * state.
   */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    name(name);
    required(config, "config", "The new config of connector '" + name + "' is required");
    MaskedValues.refuseMasked(VENDOR, name, config);
    send(connectors.upsertConnectorConfig(cluster, name, config), about("update config of", name));
    return untilConfigApplied(name, config);
  }

  @Override
  public PendingChange delete(String name) {
    name(name);
    return sendDelete(connectors.deleteConnector(cluster, name), name);
  }

  @Override
  public PendingChange pause(String name) {
    name(name);
    send(connectors.pauseConnector(cluster, name), about("pause", name));
    return untilState(name, ConnectorState.PAUSED);
  }

  @Override
  public PendingChange resume(String name) {
    name(name);
    send(connectors.resumeConnector(cluster, name), about("resume", name));
    return untilStateAfterResume(name, ConnectorState.RUNNING);
  }

  /** Always sends both flags; {@code null} options mean {@link RestartOptions#CONNECTOR_ONLY}. */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    name(name);
    RestartOptions effective = Objects.requireNonNullElse(options, RestartOptions.CONNECTOR_ONLY);
    send(
        connectors.restartConnector(
            cluster,
            name,
            new RestartConnectorRequest(effective.includeTasks(), effective.onlyFailed())),
        about("restart", name));
    return untilStateAfterRestart(name, ConnectorState.RUNNING);
  }

  @Override
  public PendingChange stop(String name) {
    name(name);
    send(connectors.stopConnector(cluster, name), about("stop", name));
    return untilState(name, ConnectorState.STOPPED);
  }

  @Override
  public List<String> topics(String name) {
    name(name);
    ListConnectorTopicsResponse response =
        read(connectors.listConnectorTopics(cluster, name), about("list topics of", name));
    return response.topics();
  }

  @Override
  public void resetTopics(String name) {
    name(name);
    send(connectors.resetConnectorTopics(cluster, name), about("reset topics of", name));
  }

  /**
   * The source and sink connector plugins the Connect cluster reports; converters and the like are
   * left out.
   */
  @Override
  public List<PluginInfo> plugins() {
    ConnectClusterResponse response =
        read(clusters.getConnectCluster(cluster), "list plugins" + where());
    return response.cluster().plugins().stream()
        .map(RedpandaModels::plugin)
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * The Connect cluster's secrets (values are JSON objects of config keys and values, sent
   * Base64-encoded).
   */
  @Override
  public ConnectorSecrets secrets() {
    return secrets;
  }

  /** The Connect clusters of this data plane (on Redpanda Cloud, one named {@code redpanda}). */
  @Override
  public ConnectClusters clusters() {
    return connectClusters;
  }

  @Override
  public String toString() {
    return "RedpandaConnectorClient[baseUrl=" + baseUrl + ", connectCluster=" + cluster + "]";
  }

  /**
   * A connector that runs with a FAILED task (DEGRADED) cannot become RUNNING by itself: waiting
   * for RUNNING ends there with the task's trace (after a restart or resume, once the connector has
   * shown another state). Passing states (restarting, unassigned, paused …) are polled on.
   */
  @Override
  protected StatusChange failingAlsoWhen(String name, ConnectorState target, StatusChange change) {
    return target == ConnectorState.RUNNING
        ? change.failingAlsoWhen(status -> failedTask(name, status))
        : change;
  }

  private static Optional<ConnectorFailedException> failedTask(
      String name, ConnectorStatus status) {
    if (status.state() != ConnectorState.DEGRADED) {
      return Optional.empty();
    }
    return RedpandaModels.firstFailedTask(status)
        .map(
            task ->
                ConnectorFailedException.failedState(
                    VENDOR,
                    name,
                    "Connector '"
                        + name
                        + "' is "
                        + status.state()
                        + ": task "
                        + task.id()
                        + " FAILED while waiting for RUNNING"
                        + StatusChange.firstLine(task.trace()),
                    status.vendorState(),
                    task.trace()));
  }

  @Override
  protected String where() {
    return " on Connect cluster '" + cluster + "'";
  }

  /**
   * Builds a {@link RedpandaConnectorClient}. Without {@link #credentials credentials}, {@link
   * #build()} reads them from the environment ({@code REDPANDA_TOKEN}, or {@code
   * REDPANDA_CLIENT_ID} and {@code REDPANDA_CLIENT_SECRET} exchanged at {@link #tokenUrl(String)
   * tokenUrl}).
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

    /**
     * The OAuth2 token endpoint for client-id credentials (default {@value
     * RedpandaConnectorClient#DEFAULT_TOKEN_URL}).
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * Checks the settings and builds the client.
     *
     * @throws io.connectctl.facade.errors.ConfigurationException naming the setting that is missing
     *     or wrong ({@code baseUrl}, {@code connectCluster}, {@code tokenUrl})
     * @throws io.connectctl.facade.errors.UnauthorizedException when no credentials were set and
     *     the environment has none
     */
    public RedpandaConnectorClient build() {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new ConfigurationException(
            VENDOR,
            "baseUrl",
            "baseUrl is required: the Data Plane API URL of the Redpanda cluster");
      }
      if (connectCluster == null || !CLUSTER_NAME.matcher(connectCluster).matches()) {
        throw new ConfigurationException(
            VENDOR,
            "connectCluster",
            "connectCluster '"
                + connectCluster
                + "' is not a Connect cluster name: use 1 to 128 letters, digits, '-' or '_'");
      }
      if (tokenUrl == null || tokenUrl.isBlank()) {
        throw new ConfigurationException(VENDOR, "tokenUrl", "tokenUrl must not be empty");
      }
      refuseBasicCredentials(VENDOR, "a bearer token or OAuth2 client credentials");
      // The URL's form is checked before credentials are looked for, so a typo is reported as such.
      HttpStack.apiBaseUrl(VENDOR, baseUrl, "baseUrl", true);
      String tokenEndpoint = tokenUrl.trim();
      ClientOptions options =
          ClientOptions.of(
              this, () -> EnvironmentCredentials.redpanda(System.getenv(), tokenEndpoint));
      HttpUrl url = HttpStack.apiBaseUrl(VENDOR, baseUrl, "baseUrl", options);
      return new RedpandaConnectorClient(url, connectCluster, options);
    }
  }
}
