package io.connectctl.facade.kafkaconnect;

import io.connectctl.client.kafkaconnect.api.ClusterApi;
import io.connectctl.client.kafkaconnect.api.ConnectorPluginsApi;
import io.connectctl.client.kafkaconnect.api.ConnectorsApi;
import io.connectctl.client.kafkaconnect.api.LoggersApi;
import io.connectctl.client.kafkaconnect.api.OffsetsApi;
import io.connectctl.client.kafkaconnect.api.TasksApi;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetsChange;
import io.connectctl.client.kafkaconnect.model.CreateConnectorRequest;
import io.connectctl.client.kafkaconnect.model.ExpandedConnector;
import io.connectctl.client.kafkaconnect.model.InitialState;
import io.connectctl.client.kafkaconnect.model.LogLevel;
import io.connectctl.client.kafkaconnect.model.LoggerLevelChange;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.ConnectClusters;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.LoggerLevel;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.internal.BaseConnectorClient;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.CompletedChange;
import io.connectctl.facade.internal.ConfigRewrite;
import io.connectctl.facade.internal.Failover;
import io.connectctl.facade.internal.HttpStack;
import io.connectctl.facade.internal.KeyedListings;
import io.connectctl.facade.internal.ListedDefinitions;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.StatusChange;
import io.connectctl.facade.internal.Tls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * {@link ConnectorClient} for self-managed Apache Kafka Connect, over the REST API every worker
 * serves (plain {@code connect-distributed}, Strimzi, hosted offerings that expose it).
 *
 * <pre>{@code
 * try (ConnectorClient client = KafkaConnectConnectorClient.builder()
 *     .urls(List.of("https://connect-0.internal:8083", "https://connect-1.internal:8083"))
 *     .caFile(Path.of("/etc/connect/ca.pem"))
 *     .credentials(StaticCredentials.basicUser("admin", password))
 *     .build()) {
 *   client.create(new ConnectorDefinition("orders-sink", config), ConnectorState.PAUSED).await(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * <p><b>Several workers.</b> Any worker forwards to the leader, so one cluster may be given as
 * several URLs: a request goes to the worker that answered last and, when it cannot be reached at
 * all, to the next one.
 *
 * <p><b>Security.</b> None, HTTP Basic ({@link
 * io.connectctl.facade.auth.StaticCredentials#basicUser}) or a bearer token; HTTPS with a private
 * CA ({@link Builder#caFile} or {@link Builder#trustStore}) and client certificates ({@link
 * Builder#clientCertificate}).
 *
 * <p><b>Worker versions.</b> Everything the Kafka 4.x API offers is in {@link #CAPABILITIES}. Older
 * workers lack some of it: stopping and reading offsets need Kafka 3.5, altering and resetting
 * offsets 3.6, creating paused or stopped and cluster-wide log levels 3.7, patching a config 3.8.
 * Before such a request the client reads the worker's version once ({@code GET /}) and, on an older
 * worker, throws {@link UnsupportedCapabilityException} naming the version needed and the one
 * found, sending nothing else.
 *
 * <p><b>States</b> are normalized as {@link KafkaConnectStates} describes. A worker answers 409
 * while a rebalance is under way; such requests are retried (see the retry policy). Altering or
 * resetting offsets needs the connector STOPPED: the client checks the status first and refuses,
 * before sending, naming the state found.
 */
public final class KafkaConnectConnectorClient extends BaseConnectorClient {
  private static final Vendor VENDOR = Vendor.KAFKA_CONNECT;

  /** What the Kafka 4.x REST API offers (an older worker may lack some; see the class comment). */
  public static final Capabilities CAPABILITIES = WorkerVersions.OFFERED;

  private final List<HttpUrl> urls;
  private final ConnectorsApi connectors;
  private final TasksApi tasks;
  private final OffsetsApi offsets;
  private final ConnectorPluginsApi plugins;
  private final LoggersApi loggers;
  private final ClusterApi cluster;
  private final WorkerVersions versions;

  private KafkaConnectConnectorClient(List<HttpUrl> urls, Tls tls, ClientOptions options) {
    super(CAPABILITIES, options, urls);
    this.urls = List.copyOf(urls);
    OkHttpClient.Builder derived =
        tls.install(
            VENDOR,
            http().newBuilder(),
            options.okHttpClient().isEmpty() && urls.stream().anyMatch(HttpUrl::isHttps));
    if (urls.size() > 1) {
      derived.addInterceptor(new Failover(urls));
    }
    Retrofit retrofit =
        KeyedListings.install(
            GeneratedClients.retrofit(urls.get(0), derived.build()),
            "connectors",
            () -> ModelJson.moshi().adapter(ExpandedConnector.class));
    this.connectors = retrofit.create(ConnectorsApi.class);
    this.tasks = retrofit.create(TasksApi.class);
    this.offsets = retrofit.create(OffsetsApi.class);
    this.plugins = retrofit.create(ConnectorPluginsApi.class);
    this.loggers = retrofit.create(LoggersApi.class);
    this.cluster = retrofit.create(ClusterApi.class);
    this.versions =
        new WorkerVersions(
            () -> read(cluster.getServerInfo(), "read the worker version" + where()).version(),
            where());
  }

  /** A builder; {@link Builder#url} or {@link Builder#urls} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The worker URLs, in the order they are tried. */
  public List<String> urls() {
    return urls.stream().map(HttpUrl::toString).toList();
  }

  /** The Kafka version the worker reports ({@code GET /}), read once and remembered. */
  public String workerVersion() {
    return versions.version();
  }

  /** All connectors with status and config, in one request ({@code expand=status&expand=info}). */
  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return PagedIterable.ofSinglePage(() -> listing(List.of("status", "info")));
  }

  /** {@code GET /connectors} with the parts {@code expand} names, by connector name. */
  private List<ConnectorListing> listing(List<String> expand) {
    String what = "list connectors" + where();
    return KafkaConnectModels.listings(send(connectors.listConnectors(expand), what), what);
  }

  /** Every connector's status, in one request ({@code expand=status}: no configs). */
  @Override
  public PagedIterable<ConnectorStatus> listStatuses() {
    return PagedIterable.ofSinglePage(
        () -> listing(List.of("status")).stream().map(ConnectorListing::status).toList());
  }

  /** From ten names on, from one listing ({@code expand=info}); else each name read. */
  @Override
  public BulkResult<Connector> getConnectors(Collection<String> names) {
    return ListedDefinitions.fromListing(
        names, this::getConnector, () -> listing(List.of("info")), VENDOR, where());
  }

  @Override
  public Connector getConnector(String name) {
    name(name);
    return KafkaConnectModels.connector(read(connectors.getConnector(name), about("read", name)));
  }

  @Override
  protected ConnectorStatus readStatus(String name) {
    return KafkaConnectModels.status(
        read(connectors.getConnectorStatus(name), about("read status of", name)));
  }

  /** Creates the connector RUNNING; await RUNNING. */
  @Override
  public PendingChange create(ConnectorDefinition definition) {
    return create(definition, ConnectorState.RUNNING);
  }

  /**
   * Creates the connector in {@code initialState} (RUNNING, PAUSED or STOPPED; the latter two need
   * Kafka 3.7); await that state. The status of a new connector may be missing for a moment; the
   * wait polls through that.
   */
  @Override
  public PendingChange create(ConnectorDefinition definition, ConnectorState initialState) {
    required(definition, "definition", "A connector definition is required");
    String name = name(definition.name());
    ConnectorState state = Objects.requireNonNullElse(initialState, ConnectorState.RUNNING);
    KafkaConnectRequests.checkInitialState(name, state);
    MaskedValues.refuseMasked(VENDOR, name, definition.config());
    InitialState wire = null;
    if (state != ConnectorState.RUNNING) {
      versions.require(Capability.INITIAL_STATE, "creating a connector " + state);
      wire = InitialState.of(state.name());
    }
    return sendCreate(
        connectors.createConnector(new CreateConnectorRequest(name, definition.config(), wire)),
        name,
        definition.config(),
        () -> untilState(name, state));
  }

  /**
   * Replaces the whole config ({@code PUT .../config}, which creates a missing connector); await a
   * settled state.
   */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    name(name);
    required(config, "config", "The new config of connector '" + name + "' is required");
    KafkaConnectRequests.checkWholeConfig(name, config);
    MaskedValues.refuseMasked(VENDOR, name, config);
    send(connectors.putConnectorConfig(name, config), about("update config of", name));
    return untilConfigApplied(name, config);
  }

  /**
   * {@code PATCH .../config} (Kafka 3.8+): only the given keys change; a {@code null} value removes
   * its key. An older worker (by the version it reports, or a PATCH answered 404 or 405) gets the
   * read-modify-write of {@link ConnectorClient#patchConfig} instead; a missing connector is then
   * reported by the read.
   */
  @Override
  public PendingChange patchConfig(String name, Map<String, String> changes) {
    name(name);
    required(changes, "changes", "The config changes of connector '" + name + "' are required");
    Map<String, String> sent = new LinkedHashMap<>(changes);
    Map<String, String> present = KafkaConnectRequests.patchedValues(name, changes);
    MaskedValues.refuseMasked(VENDOR, name, present);
    try {
      versions.require(Capability.PATCH_CONFIG, "patching a connector's config");
    } catch (UnsupportedCapabilityException older) {
      return ConfigRewrite.patch(this, name, changes);
    }
    try {
      send(connectors.patchConnectorConfig(name, sent), about("patch config of", name));
    } catch (ConnectCloudException e) {
      int status = e.context().httpStatus();
      if (status != 404 && status != 405) {
        throw e;
      }
      return ConfigRewrite.patch(this, name, changes);
    }
    return untilSettled(name);
  }

  @Override
  public PendingChange delete(String name) {
    name(name);
    return sendDelete(connectors.deleteConnector(name), name);
  }

  @Override
  public PendingChange pause(String name) {
    name(name);
    send(connectors.pauseConnector(name), about("pause", name));
    return untilState(name, ConnectorState.PAUSED);
  }

  @Override
  public PendingChange resume(String name) {
    name(name);
    send(connectors.resumeConnector(name), about("resume", name));
    return untilStateAfterResume(name, ConnectorState.RUNNING);
  }

  /**
   * Sends {@code includeTasks} and {@code onlyFailed} when set; {@code null} options restart the
   * connector only. With options the worker answers with the instances it restarts, and the wait
   * ends as soon as they show RUNNING again; without, a RUNNING status is accepted once it has
   * stayed unchanged for the policy's {@link io.connectctl.facade.PollingPolicy#quietPeriod() quiet
   * period} (unless a transition was seen), since it may be the one from before the restart.
   */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    name(name);
    RestartOptions asked = Objects.requireNonNullElse(options, RestartOptions.CONNECTOR_ONLY);
    var answer =
        send(
            connectors.restartConnector(
                name,
                asked.includeTasks() ? Boolean.TRUE : null,
                asked.onlyFailed() ? Boolean.TRUE : null),
            about("restart", name));
    // With options the worker answers 202 and the instances it is about to restart (RESTARTING):
    // the wait goes by that instead of a quiet period. Without, 204 and nothing to go by.
    return untilStateAfterRestart(
        name, ConnectorState.RUNNING, answer == null ? null : KafkaConnectModels.status(answer));
  }

  /** Restarts task {@code task}; await the connector RUNNING. */
  @Override
  public PendingChange restartTask(String name, int task) {
    name(name);
    KafkaConnectRequests.checkTask(name, task);
    send(tasks.restartTask(name, task), about("restart task " + task + " of", name));
    return untilStateAfterRestart(name, ConnectorState.RUNNING);
  }

  /** Stops the connector (Kafka 3.5+): its config stays, its tasks are released. Await STOPPED. */
  @Override
  public PendingChange stop(String name) {
    name(name);
    versions.require(Capability.STOP, "stopping a connector");
    send(connectors.stopConnector(name), about("stop", name));
    return untilState(name, ConnectorState.STOPPED);
  }

  @Override
  public List<TaskConfig> tasks(String name) {
    name(name);
    return KafkaConnectModels.tasks(
        read(tasks.listConnectorTasks(name), about("list tasks of", name)));
  }

  @Override
  public List<String> topics(String name) {
    name(name);
    var byName = read(connectors.getConnectorTopics(name), about("list topics of", name));
    var entry = byName.get(name);
    return entry == null ? List.of() : entry.topics();
  }

  /** Clears the record of topics the connector has used ({@code PUT .../topics/reset}). */
  @Override
  public void resetTopics(String name) {
    name(name);
    send(connectors.resetConnectorTopics(name), about("reset topics of", name));
  }

  /** The offsets the worker has committed for the connector (Kafka 3.5+). */
  @Override
  public ConnectorOffsets offsets(String name) {
    name(name);
    versions.require(Capability.OFFSETS, "reading offsets");
    return KafkaConnectModels.offsets(
        name, read(offsets.getConnectorOffsets(name), about("read offsets of", name)));
  }

  /**
   * Alters offsets (Kafka 3.6+). The connector must be STOPPED: its status is read first and any
   * other state is refused before sending. Whole numbers are sent as integers. Done when this
   * returns.
   */
  @Override
  public PendingChange alterOffsets(String name, List<ConnectorOffsets.PartitionOffset> changes) {
    name(name);
    required(changes, "offsets", "The offsets to set for connector '" + name + "' are required");
    ConnectorOffsetsChange wire = KafkaConnectRequests.offsetsChange(name, changes);
    versions.require(Capability.ALTER_OFFSETS, "altering offsets");
    ConnectorStatus status = requireStopped(name, "alter");
    send(offsets.alterConnectorOffsets(name, wire), about("alter offsets of", name));
    return CompletedChange.finished(name, "offsets altered", status);
  }

  /** Resets offsets (Kafka 3.6+); the connector must be STOPPED, as for {@link #alterOffsets}. */
  @Override
  public PendingChange resetOffsets(String name) {
    name(name);
    versions.require(Capability.RESET_OFFSETS, "resetting offsets");
    ConnectorStatus status = requireStopped(name, "reset");
    send(offsets.resetConnectorOffsets(name), about("reset offsets of", name));
    return CompletedChange.finished(name, "offsets reset", status);
  }

  private ConnectorStatus requireStopped(String name, String verb) {
    ConnectorStatus status = readStatus(name);
    KafkaConnectRequests.checkStopped(status, name, verb, where());
    return status;
  }

  /**
   * The one Connect cluster the worker URLs lead to, named by its Kafka cluster id: version, commit
   * and connector plugins as the answering worker reports them ({@code GET /}, {@code GET
   * /connector-plugins}).
   */
  @Override
  public ConnectClusters clusters() {
    return new KafkaConnectClusters(
        () -> read(cluster.getServerInfo(), "read the Connect cluster" + where()),
        this::plugins,
        urls.size() == 1 ? urls.get(0).toString() : urls.toString());
  }

  /**
   * The worker's connector plugins (sources and sinks; Kafka leaves converters and transformations
   * out by default).
   */
  @Override
  public List<PluginInfo> plugins() {
    return KafkaConnectModels.plugins(
        read(plugins.listConnectorPlugins(null), "list plugins" + where()));
  }

  /**
   * {@code PUT /connector-plugins/{class}/config/validate}. The plugin is the config's {@code
   * connector.class} (required); the definition's name is added as {@code name} when the config has
   * none.
   */
  @Override
  public ConfigValidation validate(ConnectorDefinition definition) {
    required(definition, "definition", "A connector definition is required");
    String plugin = KafkaConnectRequests.pluginToValidate(definition);
    Map<String, String> config = KafkaConnectRequests.configToValidate(definition);
    return KafkaConnectModels.validation(
        read(
            plugins.validateConnectorConfig(plugin, config),
            "validate the config of connector '"
                + definition.name()
                + "' against "
                + plugin
                + where()));
  }

  /** The loggers of the worker that answered. */
  @Override
  public List<LoggerLevel> loggers() {
    return KafkaConnectModels.loggers(read(loggers.listLoggers(), "list loggers" + where()));
  }

  /** Sets a log level; cluster-wide needs Kafka 3.7. */
  @Override
  public List<String> setLogLevel(String logger, String level, boolean clusterWide) {
    LogLevel wanted = KafkaConnectRequests.logLevel(logger, level);
    if (clusterWide) {
      versions.require(Capability.LOGGERS, "setting a log level cluster-wide");
    }
    List<String> changed =
        send(
            loggers.setLoggerLevel(
                logger.trim(), new LoggerLevelChange(wanted), clusterWide ? "cluster" : null),
            "set the level of logger '" + logger.trim() + "'" + where());
    return changed == null ? List.of() : List.copyOf(changed);
  }

  /**
   * A connector that runs with a FAILED task (DEGRADED) does not recover by itself: waiting for
   * RUNNING ends.
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
    return status.tasks().stream()
        .filter(t -> t.state() == ConnectorState.FAILED)
        .findFirst()
        .map(
            task ->
                ConnectorFailedException.failedState(
                    VENDOR,
                    name,
                    "Connector '"
                        + name
                        + "' is DEGRADED: task "
                        + task.id()
                        + " FAILED while waiting for RUNNING"
                        + StatusChange.firstLine(task.trace()),
                    status.vendorState(),
                    task.trace()));
  }

  @Override
  protected String where() {
    return " at " + (urls.size() == 1 ? urls.get(0).toString() : urls.toString());
  }

  @Override
  public String toString() {
    return "KafkaConnectConnectorClient[urls=" + urls + "]";
  }

  /**
   * Builds a {@link KafkaConnectConnectorClient}. Without {@link #credentials credentials}, {@link
   * #build()} reads {@code KAFKA_CONNECT_TOKEN}, or {@code KAFKA_CONNECT_USERNAME} and {@code
   * KAFKA_CONNECT_PASSWORD}, from the environment, and sends none when they are unset.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private final List<String> urls = new ArrayList<>();
    private Path caFile;
    private Path trustStore;
    private String trustStorePassword = "";
    private Path certFile;
    private Path keyFile;

    private Builder() {}

    /**
     * One worker's REST URL, e.g. {@code http://127.0.0.1:8083} (replaces any set before): the name
     * every vendor's builder uses.
     */
    public Builder baseUrl(String baseUrl) {
      urls.clear();
      urls.add(baseUrl);
      return this;
    }

    /**
     * One worker's REST URL (replaces any set before).
     *
     * @deprecated named {@link #baseUrl(String)} as on the other vendors' builders
     */
    @Deprecated(since = "0.1.0")
    public Builder url(String url) {
      return baseUrl(url);
    }

    /**
     * Several workers of one cluster, tried in this order when one cannot be reached (replaces any
     * set before).
     */
    public Builder urls(List<String> urls) {
      this.urls.clear();
      this.urls.addAll(urls);
      return this;
    }

    /** A PEM bundle of the CA certificates to trust (instead of the JDK's). */
    public Builder caFile(Path caFile) {
      this.caFile = caFile;
      return this;
    }

    /** A PKCS12 or JKS truststore to trust (instead of the JDK's), with its password. */
    public Builder trustStore(Path trustStore, String password) {
      this.trustStore = trustStore;
      this.trustStorePassword = password == null ? "" : password;
      return this;
    }

    /**
     * A client certificate (PEM, chain allowed) and its unencrypted PEM key (PKCS#8, or an RSA key
     * in PKCS#1 form), for mutual TLS.
     */
    public Builder clientCertificate(Path certFile, Path keyFile) {
      this.certFile = certFile;
      this.keyFile = keyFile;
      return this;
    }

    /**
     * Checks the settings and builds the client.
     *
     * @throws ConfigurationException naming {@code url}, {@code caFile}, {@code trustStore}, {@code
     *     certFile} or {@code keyFile} when one is missing or unusable
     * @throws io.connectctl.facade.errors.UnauthorizedException when only half of a user and
     *     password pair is in the environment
     */
    @Override
    public KafkaConnectConnectorClient build() {
      if (urls.isEmpty() || urls.stream().allMatch(u -> u == null || u.isBlank())) {
        throw new ConfigurationException(
            VENDOR,
            "url",
            "url is required: the REST URL of a Kafka Connect worker, "
                + "e.g. http://127.0.0.1:8083");
      }
      Tls tls =
          new Tls(
              Optional.ofNullable(caFile),
              Optional.ofNullable(trustStore),
              trustStorePassword,
              Optional.ofNullable(certFile),
              Optional.ofNullable(keyFile));
      ClientOptions options =
          ClientOptions.of(this, () -> EnvironmentCredentials.kafkaConnect(System.getenv()));
      List<HttpUrl> parsed = new ArrayList<>();
      for (String url : urls) {
        if (url == null || url.isBlank()) {
          continue;
        }
        HttpUrl one = HttpStack.baseUrl(VENDOR, url, "url", options);
        String text = one.toString();
        parsed.add(HttpUrl.get(text.endsWith("/") ? text : text + "/"));
      }
      tls.apply(
          VENDOR, new OkHttpClient.Builder()); // files are checked here, before any client exists
      return new KafkaConnectConnectorClient(parsed, tls, options);
    }
  }
}
