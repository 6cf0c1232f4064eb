package io.connectctl.facade.kafkaconnect;

import io.connectctl.client.kafkaconnect.api.ClusterApi;
import io.connectctl.client.kafkaconnect.api.ConnectorPluginsApi;
import io.connectctl.client.kafkaconnect.api.ConnectorsApi;
import io.connectctl.client.kafkaconnect.api.LoggersApi;
import io.connectctl.client.kafkaconnect.api.OffsetsApi;
import io.connectctl.client.kafkaconnect.api.TasksApi;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetChange;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetsChange;
import io.connectctl.client.kafkaconnect.model.CreateConnectorRequest;
import io.connectctl.client.kafkaconnect.model.InitialState;
import io.connectctl.client.kafkaconnect.model.LogLevel;
import io.connectctl.client.kafkaconnect.model.LoggerLevelChange;
import io.connectctl.client.kafkaconnect.model.ServerInfo;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
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
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.internal.BaseConnectorClient;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.Failover;
import io.connectctl.facade.internal.HttpStack;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.StatusChange;
import io.connectctl.facade.internal.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
              Capability.TASKS,
              Capability.TOPICS,
              Capability.OFFSETS,
              Capability.PLUGINS,
              Capability.INITIAL_STATE,
              Capability.PATCH_CONFIG,
              Capability.RESTART_TASK,
              Capability.ALTER_OFFSETS,
              Capability.RESET_OFFSETS,
              Capability.VALIDATE,
              Capability.LOGGERS,
              Capability.RESET_TOPICS,
              Capability.CLUSTERS));

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final List<HttpUrl> urls;
  private final ConnectorsApi connectors;
  private final TasksApi tasks;
  private final OffsetsApi offsets;
  private final ConnectorPluginsApi plugins;
  private final LoggersApi loggers;
  private final ClusterApi cluster;
  private final AtomicReference<ServerInfo> server = new AtomicReference<>();

  private KafkaConnectConnectorClient(List<HttpUrl> urls, Tls tls, ClientOptions options) {
    super(CAPABILITIES, options, urls);
    this.urls = List.copyOf(urls);
    OkHttpClient.Builder derived = tls.apply(VENDOR, http().newBuilder());
    if (urls.size() > 1) {
      derived.addInterceptor(new Failover(urls));
    }
    Retrofit retrofit = GeneratedClients.retrofit(urls.get(0), derived.build());
    this.connectors = retrofit.create(ConnectorsApi.class);
    this.tasks = retrofit.create(TasksApi.class);
    this.offsets = retrofit.create(OffsetsApi.class);
    this.plugins = retrofit.create(ConnectorPluginsApi.class);
    this.loggers = retrofit.create(LoggersApi.class);
    this.cluster = retrofit.create(ClusterApi.class);
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
    return serverInfo().version();
  }

  private ServerInfo serverInfo() {
    ServerInfo info = server.get();
    if (info == null) {
      info = read(cluster.getServerInfo(), "read the worker version" + where());
      server.compareAndSet(null, info);
    }
    return info;
  }

  /**
   * Refuses, before sending, an operation the worker's Kafka version does not have.
   *
   * @param what the operation, for the message
   */
  private void requireVersion(Capability capability, int major, int minor, String what) {
    String version = workerVersion();
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return; // an unusual version string: let the worker answer
    }
    int haveMajor = Integer.parseInt(m.group(1));
    int haveMinor = Integer.parseInt(m.group(2));
    if (haveMajor < major || haveMajor == major && haveMinor < minor) {
      throw new UnsupportedCapabilityException(
          VENDOR,
          capability,
          VENDOR
              + ": "
              + what
              + " needs Kafka Connect "
              + major
              + "."
              + minor
              + " or newer; the worker"
              + where()
              + " runs "
              + version
              + " (nothing was sent)");
    }
  }

  /** All connectors with status and config, in one request ({@code expand=status&expand=info}). */
  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return PagedIterable.ofSinglePage(
        () -> {
          String what = "list connectors" + where();
          Object body = send(connectors.listConnectors(List.of("status", "info")), what);
          return KafkaConnectModels.listings(body, what);
        });
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
    MaskedValues.refuseMasked(VENDOR, name, definition.config());
    InitialState wire = null;
    if (state != ConnectorState.RUNNING) {
      requireVersion(Capability.INITIAL_STATE, 3, 7, "creating a connector " + state);
      wire = InitialState.of(state.name());
    }
    send(
        connectors.createConnector(new CreateConnectorRequest(name, definition.config(), wire)),
        about("create", name));
    return untilState(name, state);
  }

  /**
   * Replaces the whole config ({@code PUT .../config}, which creates a missing connector); await a
   * settled state.
   */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    name(name);
    required(config, "config", "The new config of connector '" + name + "' is required");
    if (config.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + name
              + "': the new config is empty; "
              + "the whole config is replaced, so give every setting (nothing was sent)",
          "config");
    }
    MaskedValues.refuseMasked(VENDOR, name, config);
    send(connectors.putConnectorConfig(name, config), about("update config of", name));
    return untilConfigApplied(name, config);
  }

  /**
   * {@code PATCH .../config} (Kafka 3.8+): only the given keys change; a {@code null} value removes
   * its key.
   */
  @Override
  public PendingChange patchConfig(String name, Map<String, String> changes) {
    name(name);
    required(changes, "changes", "The config changes of connector '" + name + "' are required");
    if (changes.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '" + name + "': no config changes given " + "(nothing was sent)",
          "changes");
    }
    Map<String, String> sent = new LinkedHashMap<>(changes);
    Map<String, String> present = new LinkedHashMap<>();
    sent.forEach(
        (k, v) -> {
          if (v != null) {
            present.put(k, v);
          }
        });
    MaskedValues.refuseMasked(VENDOR, name, present);
    requireVersion(Capability.PATCH_CONFIG, 3, 8, "patching a connector's config");
    send(connectors.patchConnectorConfig(name, sent), about("patch config of", name));
    return untilSettled(name);
  }

  @Override
  public PendingChange delete(String name) {
    name(name);
    send(connectors.deleteConnector(name), about("delete", name));
    return untilGone(name);
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
   * connector only.
   */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    name(name);
    RestartOptions asked = Objects.requireNonNullElse(options, RestartOptions.CONNECTOR_ONLY);
    send(
        connectors.restartConnector(
            name,
            asked.includeTasks() ? Boolean.TRUE : null,
            asked.onlyFailed() ? Boolean.TRUE : null),
        about("restart", name));
    return untilStateAfterRestart(name, ConnectorState.RUNNING);
  }

  /** Restarts task {@code task}; await the connector RUNNING. */
  @Override
  public PendingChange restartTask(String name, int task) {
    name(name);
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
    send(tasks.restartTask(name, task), about("restart task " + task + " of", name));
    return untilStateAfterRestart(name, ConnectorState.RUNNING);
  }

  /** Stops the connector (Kafka 3.5+): its config stays, its tasks are released. Await STOPPED. */
  @Override
  public PendingChange stop(String name) {
    name(name);
    requireVersion(Capability.STOP, 3, 5, "stopping a connector");
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
    requireVersion(Capability.OFFSETS, 3, 5, "reading offsets");
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
    requireVersion(Capability.ALTER_OFFSETS, 3, 6, "altering offsets");
    ConnectorStatus status = requireStopped(name, "alter");
    send(
        offsets.alterConnectorOffsets(name, new ConnectorOffsetsChange(wire)),
        about("alter offsets of", name));
    return new Done(name, "offsets altered", status);
  }

  /** Resets offsets (Kafka 3.6+); the connector must be STOPPED, as for {@link #alterOffsets}. */
  @Override
  public PendingChange resetOffsets(String name) {
    name(name);
    requireVersion(Capability.RESET_OFFSETS, 3, 6, "resetting offsets");
    ConnectorStatus status = requireStopped(name, "reset");
    send(offsets.resetConnectorOffsets(name), about("reset offsets of", name));
    return new Done(name, "offsets reset", status);
  }

  private ConnectorStatus requireStopped(String name, String verb) {
    ConnectorStatus status = readStatus(name);
    if (!"STOPPED".equalsIgnoreCase(status.vendorState())) {
      throw new ConflictException(
          VENDOR
              + ": cannot "
              + verb
              + " offsets of connector '"
              + name
              + "'"
              + where()
              + ": it is "
              + status.vendorState()
              + ", and offsets can only be changed while the connector is STOPPED;"
              + " stop it first (nothing was sent)",
          io.connectctl.facade.errors.ErrorContext.of(VENDOR),
          null);
    }
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
    String plugin = definition.config().get("connector.class");
    if (plugin == null || plugin.isBlank()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Connector '"
              + definition.name()
              + "': config has no connector.class, so there is no plugin to validate against (nothing was sent)",
          "config.connector.class");
    }
    Map<String, String> config = new LinkedHashMap<>(definition.config());
    if (!definition.name().isBlank()) {
      config.putIfAbsent("name", definition.name());
    }
    return KafkaConnectModels.validation(
        read(
            plugins.validateConnectorConfig(plugin.trim(), config),
            "validate the config of connector '"
                + definition.name()
                + "' against "
                + plugin.trim()
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
    if (clusterWide) {
      requireVersion(Capability.LOGGERS, 3, 7, "setting a log level cluster-wide");
    }
    List<String> changed =
        send(
            loggers.setLoggerLevel(
                logger.trim(),
                new LoggerLevelChange(LogLevel.of(upper)),
                clusterWide ? "cluster" : null),
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
                        + firstLine(task),
                    status.vendorState(),
                    task.trace()));
  }

  private static String firstLine(TaskStatus task) {
    String trace = task.trace();
    int nl = trace.indexOf('\n');
    return trace.isEmpty() ? "" : ": " + (nl < 0 ? trace : trace.substring(0, nl));
  }

  @Override
  protected String where() {
    return " at " + (urls.size() == 1 ? urls.get(0).toString() : urls.toString());
  }

  @Override
  public String toString() {
    return "KafkaConnectConnectorClient[urls=" + urls + "]";
  }

  /** A change the worker finished before answering (offsets): complete from the start. */
  private static final class Done implements PendingChange {
    private final String connector;
    private final String target;
    private final ConnectorStatus status;

    Done(String connector, String target, ConnectorStatus status) {
      this.connector = connector;
      this.target = target;
      this.status = status;
    }

    @Override
    public String connector() {
      return connector;
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
      progress.accept(target);
      return new ChangeResult(connector, "", Optional.of(status), 0);
    }
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

    /** One worker's REST URL, e.g. {@code http://127.0.0.1:8083} (replaces any set before). */
    public Builder url(String url) {
      urls.clear();
      urls.add(url);
      return this;
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
     * A client certificate (PEM, chain allowed) and its unencrypted PKCS#8 PEM key, for mutual TLS.
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
        HttpUrl one = HttpStack.baseUrl(VENDOR, url, "url", options.allowInsecureHttp());
        String text = one.toString();
        parsed.add(HttpUrl.get(text.endsWith("/") ? text : text + "/"));
      }
      tls.apply(
          VENDOR, new OkHttpClient.Builder()); // files are checked here, before any client exists
      return new KafkaConnectConnectorClient(parsed, tls, options);
    }
  }
}
