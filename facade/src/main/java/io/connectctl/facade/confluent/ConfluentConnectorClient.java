package io.connectctl.facade.confluent;

import io.connectctl.client.confluent.api.ConnectorPluginsApi;
import io.connectctl.client.confluent.api.ConnectorsApi;
import io.connectctl.client.confluent.api.OffsetsApi;
import io.connectctl.client.confluent.model.CreateConnectorRequest;
import io.connectctl.client.confluent.model.OffsetsChangeRequest;
import io.connectctl.client.confluent.model.OffsetsRequestStatus;
import io.connectctl.client.confluent.model.OffsetsRequestType;
import io.connectctl.client.confluent.model.PartitionOffset;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.internal.BaseConnectorClient;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.HttpStack;
import io.connectctl.facade.internal.KeyedListings;
import io.connectctl.facade.internal.ListedDefinitions;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.Waiter;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import retrofit2.Retrofit;

/**
 * {@link ConnectorClient} for Confluent Cloud (Connect v1): the connectors of one Kafka cluster in
 * one environment.
 *
 * <pre>{@code
 * try (ConnectorClient client = ConfluentConnectorClient.builder()
 *     .environment("env-a1b2c3")
 *     .kafkaCluster("lkc-x9y8z7")
 *     .build()) {                       // credentials from CONFLUENT_CLOUD_API_KEY / _SECRET
 *   client.pause("orders-s3-sink").await(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p><b>What Confluent offers.</b> Everything in {@link #CAPABILITIES} (offsets are altered and
 * reset through an asynchronous offsets request, awaited until APPLIED; configs are validated
 * against Confluent's plugin names); not {@link Capability#STOP}, {@link Capability#TOPICS}, {@link
 * Capability#RESTART_TASK} and {@link Capability#RESTART_TASK_OPTIONS}: restart (a Preview
 * endpoint) restarts the connector with all its tasks and takes no options, so {@code restart} with
 * {@code includeTasks} or {@code onlyFailed} set is refused before sending, like the unsupported
 * operations. Writes carry no operation id, so {@code resumeWait} is unsupported too; waits poll
 * the connector status instead (see {@link ConfluentStates} for how states are normalized). Listing
 * is one request ({@code expand=id,info,status}); Confluent does not page.
 *
 * <p><b>Config updates never write masked secrets back.</b> {@code PUT .../config} replaces the
 * whole config, while every read shows secret values as {@code ****}. A config copied from {@link
 * #getConnector} and sent back unchanged would therefore overwrite each secret with four asterisks.
 * {@link #updateConfig} (and {@link #create}) refuse any value equal to {@code ****} with an {@link
 * InvalidRequestException} naming the connector and the keys, and send nothing: put the real secret
 * values in first.
 *
 * <p><b>The {@code name} key.</b> Confluent expects the connector name inside the config as well.
 * When it is missing it is added; when it differs from the connector name the call is refused
 * before sending.
 */
public final class ConfluentConnectorClient extends BaseConnectorClient {
  /** Confluent Cloud's API host. */
  public static final String DEFAULT_BASE_URL = "https://api.confluent.cloud";

  private static final Vendor VENDOR = Vendor.CONFLUENT;
  private static final String EXPAND_ALL = "id,info,status";
  private static final String EXPAND_STATUS = "status";
  private static final String EXPAND_DEFINITIONS = "id,info";

  /** What this vendor supports, known without building a client. */
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
              Capability.TASKS,
              Capability.OFFSETS,
              Capability.PLUGINS,
              Capability.ALTER_OFFSETS,
              Capability.RESET_OFFSETS,
              Capability.VALIDATE));

  private final String environment;
  private final String kafkaCluster;
  private final HttpUrl baseUrl;
  private final ConnectorsApi connectors;
  private final OffsetsApi offsets;
  private final ConnectorPluginsApi plugins;

  private ConfluentConnectorClient(
      String environment, String kafkaCluster, HttpUrl baseUrl, ClientOptions options) {
    super(CAPABILITIES, options, List.of(baseUrl));
    this.environment = environment;
    this.kafkaCluster = kafkaCluster;
    this.baseUrl = baseUrl;
    Retrofit retrofit =
        KeyedListings.install(
            GeneratedClients.retrofit(baseUrl, http()),
            "connect/v1/environments/{environment_id}/clusters/{kafka_cluster_id}/connectors",
            ConfluentModels::listingEntries);
    this.connectors = retrofit.create(ConnectorsApi.class);
    this.offsets = retrofit.create(OffsetsApi.class);
    this.plugins = retrofit.create(ConnectorPluginsApi.class);
  }

  /** A builder; {@link Builder#environment} and {@link Builder#kafkaCluster} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment id, e.g. {@code env-a1b2c3}. */
  public String environment() {
    return environment;
  }

  /** The Kafka cluster id, e.g. {@code lkc-x9y8z7}. */
  public String kafkaCluster() {
    return kafkaCluster;
  }

  /** All connectors with info and status, from one request (Confluent does not page). */
  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return PagedIterable.ofSinglePage(() -> listing(EXPAND_ALL));
  }

  /** The connector listing with the parts {@code expand} names, in the server's order. */
  private List<ConnectorListing> listing(String expand) {
    String what = "list connectors" + where();
    return ConfluentModels.listings(
        send(connectors.listConnectors(environment, kafkaCluster, expand), what), what);
  }

  /** Every connector's status, from one request ({@code expand=status}: no configs). */
  @Override
  public PagedIterable<ConnectorStatus> listStatuses() {
    return PagedIterable.ofSinglePage(
        () -> listing(EXPAND_STATUS).stream().map(ConnectorListing::status).toList());
  }

  /** From ten names on, from one listing ({@code expand=id,info}); else each name read. */
  @Override
  public BulkResult<Connector> getConnectors(Collection<String> names) {
    return ListedDefinitions.fromListing(
        names, this::getConnector, () -> listing(EXPAND_DEFINITIONS), VENDOR, where());
  }

  /** The connector's definition; secret values come back as {@code ****}. */
  @Override
  public Connector getConnector(String name) {
    name(name);
    return ConfluentModels.connector(
        read(connectors.getConnector(environment, kafkaCluster, name), about("get", name)));
  }

  @Override
  protected ConnectorStatus readStatus(String name) {
    return ConfluentModels.status(
        read(
            connectors.getConnectorStatus(environment, kafkaCluster, name),
            about("read status of", name)));
  }

  /**
   * Creates the connector ({@code POST {name, config}}); await RUNNING. The config must hold real
   * secret values (never {@code ****}); {@code name} is added to it when missing.
   */
  @Override
  public PendingChange create(ConnectorDefinition definition) {
    required(definition, "definition", "A connector definition is required");
    String name = name(definition.name());
    Map<String, String> config = withName(name, definition.config());
    MaskedValues.refuseMasked(VENDOR, name, config);
    return sendCreate(
        connectors.createConnector(
            environment, kafkaCluster, new CreateConnectorRequest(name, config, List.of())),
        name,
        config,
        () -> untilState(name, ConnectorState.RUNNING));
  }

  /**
   * Replaces the whole config ({@code PUT .../config}); await the connector settling. Refuses,
   * before sending, an empty config, a {@code name} key that differs from {@code name}, and any
   * {@code ****} value.
   */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    name(name);
    if (config == null || config.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': the new config is empty; "
              + "confluent replaces the whole config, so give every setting (nothing was sent)",
          "config");
    }
    Map<String, String> full = withName(name, config);
    MaskedValues.refuseMasked(VENDOR, name, full);
    send(
        connectors.putConnectorConfig(environment, kafkaCluster, name, full),
        about("update config of", name));
    return untilConfigApplied(name, config);
  }

  /** Deletes the connector (Confluent answers {@code {"error": null}}); await its disappearance. */
  @Override
  public PendingChange delete(String name) {
    name(name);
    return sendDelete(connectors.deleteConnector(environment, kafkaCluster, name), name);
  }

  @Override
  public PendingChange pause(String name) {
    name(name);
    send(connectors.pauseConnector(environment, kafkaCluster, name), about("pause", name));
    return untilState(name, ConnectorState.PAUSED);
  }

  @Override
  public PendingChange resume(String name) {
    name(name);
    send(connectors.resumeConnector(environment, kafkaCluster, name), about("resume", name));
    return untilStateAfterResume(name, ConnectorState.RUNNING);
  }

  /**
   * Restarts the connector and its tasks (Confluent Preview endpoint; observed to accept only
   * RUNNING connectors); await RUNNING. FAILED is taken as the state from before the restart, and
   * polled on, until the connector has shown some other state (resume waits the same way).
   *
   * @throws io.connectctl.facade.errors.UnsupportedCapabilityException before sending when {@code
   *     options} asks for {@code includeTasks} or {@code onlyFailed}: Confluent takes no restart
   *     options
   */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    RestartOptions asked = Objects.requireNonNullElse(options, RestartOptions.CONNECTOR_ONLY);
    if (asked.includeTasks() || asked.onlyFailed()) {
      CAPABILITIES.require(Capability.RESTART_TASK_OPTIONS);
    }
    name(name);
    send(connectors.restartConnector(environment, kafkaCluster, name), about("restart", name));
    return untilStateAfterRestart(name, ConnectorState.RUNNING);
  }

  @Override
  public List<TaskConfig> tasks(String name) {
    name(name);
    return ConfluentModels.tasks(
        read(
            connectors.listConnectorTasks(environment, kafkaCluster, name),
            about("list tasks of", name)));
  }

  /**
   * The latest offsets Confluent observed (Preview endpoint), with {@code metadata.observed_at}.
   */
  @Override
  public ConnectorOffsets offsets(String name) {
    name(name);
    return ConfluentModels.offsets(
        name,
        read(
            offsets.getConnectorOffsets(environment, kafkaCluster, name),
            about("read offsets of", name)));
  }

  /**
   * Files a {@code PATCH} offsets request (Preview); Confluent stops the connector while it applies
   * it and resumes it afterwards. Await the request being APPLIED (a FAILED request ends the wait
   * with its message).
   */
  @Override
  public PendingChange alterOffsets(String name, List<ConnectorOffsets.PartitionOffset> changes) {
    name(name);
    required(changes, "offsets", "The offsets to set for connector '" + name + "' are required");
    if (changes.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR, "Connector '" + name + "': no offsets given " + "(nothing was sent)", "offsets");
    }
    List<PartitionOffset> wire =
        changes.stream().map(p -> new PartitionOffset(p.partition(), p.offset())).toList();
    send(
        offsets.requestConnectorOffsetsChange(
            environment,
            kafkaCluster,
            name,
            new OffsetsChangeRequest(OffsetsRequestType.PATCH, wire)),
        about("alter offsets of", name));
    return untilOffsetsApplied(name, "offsets altered");
  }

  /** Files a {@code DELETE} offsets request (Preview); await it being APPLIED. */
  @Override
  public PendingChange resetOffsets(String name) {
    name(name);
    send(
        offsets.requestConnectorOffsetsChange(
            environment,
            kafkaCluster,
            name,
            new OffsetsChangeRequest(OffsetsRequestType.DELETE, List.of())),
        about("reset offsets of", name));
    return untilOffsetsApplied(name, "offsets reset");
  }

  private PendingChange untilOffsetsApplied(String name, String target) {
    long requestedAt = waiter().now();
    return new PendingChange() {
      @Override
      public String connector() {
        return name;
      }

      @Override
      public String target() {
        return target;
      }

      @Override
      public String operationId() {
        return "";
      }

      @Override
      public ChangeResult await(Duration timeout, Consumer<String> progress) {
        return waiter()
            .awaitRequested(
                requestedAt,
                VENDOR,
                name,
                target,
                "",
                timeout,
                progress,
                () -> {
                  OffsetsRequestStatus status =
                      read(
                          offsets.getConnectorOffsetsRequestStatus(environment, kafkaCluster, name),
                          about("read the offsets request of", name));
                  String phase =
                      status.status() == null || status.status().phase() == null
                          ? "UNKNOWN"
                          : status.status().phase().value();
                  String message =
                      status.status() == null || status.status().message() == null
                          ? ""
                          : status.status().message();
                  if (phase.equals("APPLIED")) {
                    return Waiter.Observation.done("offsets request " + phase, Optional.empty());
                  }
                  if (phase.equals("FAILED")) {
                    return Waiter.Observation.failed(
                        "offsets request " + phase,
                        ConnectorFailedException.failedOperation(
                            VENDOR,
                            name,
                            "The offsets request of connector '"
                                + name
                                + "' FAILED"
                                + (message.isEmpty() ? "" : ": " + message),
                            phase,
                            message,
                            ""));
                  }
                  return Waiter.Observation.pending("offsets request " + phase, Optional.empty());
                });
      }
    };
  }

  /**
   * Checks the config against the plugin named by its {@code connector.class} (Confluent's short
   * plugin names, e.g. {@code S3_SINK}); {@code name} is added to the config when missing.
   */
  @Override
  public ConfigValidation validate(ConnectorDefinition definition) {
    required(definition, "definition", "A connector definition is required");
    String plugin = definition.config().get("connector.class");
    if (plugin == null || plugin.isBlank()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + definition.name()
              + "': config has no connector.class, so there is no plugin to validate against (nothing was sent)",
          "config.connector.class");
    }
    Map<String, String> config = withName(definition.name(), definition.config());
    return ConfluentModels.validation(
        read(
            plugins.validateConnectorPluginConfig(environment, kafkaCluster, plugin.trim(), config),
            "validate the config of connector '"
                + definition.name()
                + "' against "
                + plugin.trim()
                + where()));
  }

  @Override
  public List<PluginInfo> plugins() {
    return ConfluentModels.plugins(
        read(
            plugins.listConnectorPlugins(environment, kafkaCluster),
            "list connector plugins" + where()));
  }

  @Override
  public String toString() {
    return "ConfluentConnectorClient[environment="
        + environment
        + ", kafkaCluster="
        + kafkaCluster
        + ", baseUrl="
        + baseUrl
        + "]";
  }

  @Override
  protected String where() {
    return " in environment " + environment + ", cluster " + kafkaCluster;
  }

  /** The config with {@code name} set to the connector name; refuses a different one. */
  private static Map<String, String> withName(String name, Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>(config == null ? Map.of() : config);
    String inConfig = out.putIfAbsent("name", name);
    if (inConfig != null && !inConfig.equals(name)) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': config key name is '"
              + inConfig
              + "', which differs from the connector name; make them equal or drop the key (nothing was sent)",
          "config.name");
    }
    return out;
  }

  /**
   * Builds a {@link ConfluentConnectorClient}. Without {@link #credentials}, {@link #build()} reads
   * {@code CONFLUENT_CLOUD_API_KEY} and {@code CONFLUENT_CLOUD_API_SECRET} from the environment.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String baseUrl = DEFAULT_BASE_URL;
    private String environment;
    private String kafkaCluster;

    private Builder() {}

    /** The API root (default {@value ConfluentConnectorClient#DEFAULT_BASE_URL}). */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** The environment id (required), e.g. {@code env-a1b2c3}. */
    public Builder environment(String environment) {
      this.environment = environment;
      return this;
    }

    /** The Kafka cluster id (required), e.g. {@code lkc-x9y8z7}. */
    public Builder kafkaCluster(String kafkaCluster) {
      this.kafkaCluster = kafkaCluster;
      return this;
    }

    /**
     * Checks the settings and builds the client.
     *
     * @throws io.connectctl.facade.errors.ConfigurationException naming {@code environment}, {@code
     *     kafkaCluster} or {@code baseUrl} when one is missing or unusable
     * @throws io.connectctl.facade.errors.UnauthorizedException when no credentials were set and
     *     the environment has none
     */
    public ConfluentConnectorClient build() {
      String env = required(environment, "environment", "env-a1b2c3");
      String cluster = required(kafkaCluster, "kafkaCluster", "lkc-x9y8z7");
      ClientOptions options =
          ClientOptions.of(this, () -> EnvironmentCredentials.confluent(System.getenv()));
      HttpUrl url = HttpStack.apiBaseUrl(VENDOR, baseUrl, "baseUrl", options);
      return new ConfluentConnectorClient(env, cluster, url, options);
    }

    private static String required(String value, String setting, String example) {
      if (value == null || value.isBlank()) {
        throw new ConfigurationException(
            VENDOR, setting, setting + " is required for confluent (e.g. " + example + ")");
      }
      return value.trim();
    }
  }
}
