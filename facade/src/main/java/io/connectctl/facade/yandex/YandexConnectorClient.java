package io.connectctl.facade.yandex;

import com.squareup.moshi.Moshi;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.yandex.api.ConnectorsApi;
import io.connectctl.client.yandex.api.OperationsApi;
import io.connectctl.client.yandex.model.CreateConnectorRequest;
import io.connectctl.client.yandex.model.ListConnectorsResponse;
import io.connectctl.client.yandex.model.Operation;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.internal.BaseConnectorClient;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.CompletedChange;
import io.connectctl.facade.internal.HttpStack;
import io.connectctl.facade.internal.MaskedValues;
import io.connectctl.facade.internal.Waiter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;

/**
 * {@link ConnectorClient} for the connectors of a Yandex Cloud Managed Service for Apache Kafka
 * cluster.
 *
 * <ul>
 *   <li>Supports list, get, status, create, update-config, delete, pause and resume; restart, stop,
 *       tasks, topics, offsets and plugins throw {@link
 *       io.connectctl.facade.errors.UnsupportedCapabilityException} before sending.
 *   <li>Config: the typed spec flattened to dotted keys, see {@link YandexConfigMapping}; the
 *       generated {@code io.connectctl.client.yandex.model.Connector} is {@link
 *       Connector#vendorModel()}.
 *   <li>States: {@code status} and {@code health} normalized as {@link YandexStates} describes.
 *   <li>Updates: a PATCH whose {@code updateMask} names exactly the changed fields, see {@link
 *       YandexUpdatePlan}.
 *   <li>Every mutation carries a fresh {@code Idempotency-Key}, so retrying it cannot start a
 *       second operation, and returns a {@link PendingChange} that follows the Operation on the
 *       operation service until it is done. {@link #resumeWait} follows an operation started
 *       earlier.
 * </ul>
 */
public final class YandexConnectorClient extends BaseConnectorClient {
  /** What this vendor supports, known without building a client. */
  public static final Capabilities CAPABILITIES =
      new Capabilities(
          Vendor.YANDEX,
          EnumSet.of(
              Capability.LIST,
              Capability.GET,
              Capability.STATUS,
              Capability.CREATE,
              Capability.UPDATE_CONFIG,
              Capability.DELETE,
              Capability.PAUSE,
              Capability.RESUME,
              Capability.RESUME_WAIT));

  /** The Managed Kafka API root. */
  public static final String DEFAULT_BASE_URL = "https://mdb.api.cloud.yandex.net";

  /** The operation service root. */
  public static final String DEFAULT_OPERATIONS_URL = "https://operation.api.cloud.yandex.net";

  /** The IAM token endpoint, used when credentials come from the environment. */
  public static final String DEFAULT_IAM_URL = "https://iam.api.cloud.yandex.net/iam/v1/tokens";

  private static final long PAGE_SIZE = 100;
  private static final Map<String, Object> EMPTY_BODY = Map.of();

  private final String clusterId;
  private final ConnectorsApi connectors;
  private final OperationsApi operations;

  private YandexConnectorClient(
      String clusterId, ClientOptions options, HttpUrl baseUrl, HttpUrl operationsUrl) {
    super(CAPABILITIES, options, List.of(baseUrl, operationsUrl));
    this.clusterId = clusterId;
    Moshi moshi = ModelJson.addTo(new Moshi.Builder().add(UpdateBodyJson.FACTORY)).build();
    this.connectors = GeneratedClients.retrofit(baseUrl, http(), moshi).create(ConnectorsApi.class);
    this.operations = GeneratedClients.retrofit(operationsUrl, http()).create(OperationsApi.class);
  }

  /** A builder; {@link Builder#clusterId(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The Kafka cluster whose connectors this client manages. */
  public String clusterId() {
    return clusterId;
  }

  @Override
  public PagedIterable<ConnectorListing> listConnectors() {
    return new PagedIterable<>(
            token -> {
              ListConnectorsResponse page =
                  read(
                      connectors.listConnectors(
                          clusterId, PAGE_SIZE, token.isEmpty() ? null : token),
                      "list connectors of cluster " + clusterId);
              List<ConnectorListing> items =
                  page.connectors().stream()
                      .map(c -> new ConnectorListing(toConnector(c), YandexStates.status(c)))
                      .toList();
              return new PagedIterable.Page<>(items, page.nextPageToken());
            })
        .distinctBy(ConnectorListing::name);
  }

  @Override
  public Connector getConnector(String name) {
    return toConnector(readConnector(name(name)));
  }

  @Override
  protected ConnectorStatus readStatus(String name) {
    return YandexStates.status(readConnector(name));
  }

  /** Await the create operation; the connector is then RUNNING. */
  @Override
  public PendingChange create(ConnectorDefinition definition) {
    required(definition, "definition", "A connector definition is required");
    String name = name(definition.name());
    MaskedValues.refuseMasked(Vendor.YANDEX, name, definition.config());
    CreateConnectorRequest request =
        new CreateConnectorRequest(YandexConfigMapping.toSpec(name, definition.config()));
    Operation operation =
        read(
            connectors.createConnector(clusterId, request, UUID.randomUUID()),
            about("create", name));
    return follow(name, ConnectorState.RUNNING.name(), operation);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the connector, compares its flat config with {@code config} and sends one PATCH whose
   * {@code updateMask} covers exactly the fields that differ (see {@link YandexUpdatePlan}); when
   * nothing differs no PATCH is sent and the returned change is already complete. Write-only
   * secrets missing from {@code config} keep their stored values.
   *
   * @throws InvalidRequestException before anything is sent when {@code config} is invalid or holds
   *     masked values, and before the PATCH when it asks for a change Yandex cannot make (another
   *     connector kind, a field fixed at creation)
   */
  @Override
  public PendingChange updateConfig(String name, Map<String, String> config) {
    name(name);
    required(config, "config", "The new config of connector '" + name + "' is required");
    MaskedValues.refuseMasked(Vendor.YANDEX, name, config);
    YandexConfigMapping.toSpec(name, config);
    io.connectctl.client.yandex.model.Connector current = readConnector(name);
    if (current instanceof io.connectctl.client.yandex.model.Connector.Unknown unknown) {
      String kind = YandexStates.unknownKind(unknown);
      throw InvalidRequestException.beforeSending(
          Vendor.YANDEX,
          "Connector '"
              + name
              + "' is of a type connectctl does not know"
              + (kind.isEmpty() ? "" : " (" + kind + ")")
              + ": its config is not changed, since the update would carry a body connectctl"
              + " only half understands; change it with the Yandex Cloud console or yc",
          "config");
    }
    Optional<YandexUpdatePlan> plan =
        YandexUpdatePlan.plan(name, YandexConfigMapping.flatten(current), config);
    if (plan.isEmpty()) {
      return CompletedChange.unneeded(name, SETTLED, YandexStates.status(current));
    }
    Operation operation =
        read(
            connectors.updateConnector(clusterId, name, plan.get().request(), UUID.randomUUID()),
            about("update", name));
    return follow(name, SETTLED, operation);
  }

  @Override
  public PendingChange delete(String name) {
    name(name);
    return follow(
        name,
        DELETED,
        read(
            connectors.deleteConnector(clusterId, name, UUID.randomUUID()), about("delete", name)));
  }

  @Override
  public PendingChange pause(String name) {
    name(name);
    return follow(
        name,
        ConnectorState.PAUSED.name(),
        read(
            connectors.pauseConnector(clusterId, name, EMPTY_BODY, UUID.randomUUID()),
            about("pause", name)));
  }

  @Override
  public PendingChange resume(String name) {
    name(name);
    return follow(
        name,
        ConnectorState.RUNNING.name(),
        read(
            connectors.resumeConnector(clusterId, name, EMPTY_BODY, UUID.randomUUID()),
            about("resume", name)));
  }

  /**
   * Follows operation {@code operationId} (e.g. from a {@link
   * io.connectctl.facade.errors.WaitTimeoutException}) until done.
   */
  @Override
  public PendingChange resumeWait(String connector, String operationId) {
    name(connector);
    if (operationId == null || operationId.isBlank()) {
      throw InvalidRequestException.beforeSending(
          Vendor.YANDEX, "An operation id is required to resume a wait", "operationId");
    }
    return new YandexOperationChange(
        connector, "done", operationId.trim(), null, this::operation, waiter(), Waiter.NO_REQUEST);
  }

  @Override
  protected String where() {
    return "";
  }

  private io.connectctl.client.yandex.model.Connector readConnector(String name) {
    return read(connectors.getConnector(clusterId, name), about("get", name));
  }

  private Operation operation(String id) {
    return read(operations.getOperation(id), "get operation " + id);
  }

  private PendingChange follow(String name, String target, Operation operation) {
    return new YandexOperationChange(
        name, target, operation.id(), operation, this::operation, waiter(), waiter().now());
  }

  private static Connector toConnector(io.connectctl.client.yandex.model.Connector model) {
    return new Connector(
        YandexStates.name(model),
        YandexStates.type(model),
        YandexConfigMapping.flatten(model),
        model);
  }

  @Override
  public String toString() {
    return "YandexConnectorClient[cluster=" + clusterId + "]";
  }

  /** Builds a {@link YandexConnectorClient}. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String baseUrl = DEFAULT_BASE_URL;
    private String operationsUrl = DEFAULT_OPERATIONS_URL;
    private String iamUrl = DEFAULT_IAM_URL;
    private String clusterId;

    private Builder() {}

    /** The Managed Kafka API root (default {@code https://mdb.api.cloud.yandex.net}). */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    /**
     * The operation service root, polled for every change (default {@code
     * https://operation.api.cloud.yandex.net}).
     */
    public Builder operationsUrl(String url) {
      this.operationsUrl = url;
      return this;
    }

    /** The Managed Service for Apache Kafka cluster id (required). */
    public Builder clusterId(String clusterId) {
      this.clusterId = clusterId;
      return this;
    }

    /**
     * The IAM token endpoint used when credentials come from the environment (default {@code
     * https://iam.api.cloud.yandex.net/iam/v1/tokens}).
     */
    public Builder iamUrl(String url) {
      this.iamUrl = url;
      return this;
    }

    /**
     * Builds the client. Without {@link #credentials}, credentials come from the environment
     * ({@code YC_IAM_TOKEN}, {@code YC_TOKEN} or {@code YC_SERVICE_ACCOUNT_KEY_FILE}).
     *
     * @throws io.connectctl.facade.errors.ConfigurationException naming the setting when {@code
     *     clusterId} is missing, a URL is invalid or the credentials are HTTP Basic
     */
    public YandexConnectorClient build() {
      if (clusterId == null || clusterId.isBlank()) {
        throw new ConfigurationException(
            Vendor.YANDEX,
            "clusterId",
            "clusterId is required: the id of the Managed Service for Apache Kafka cluster");
      }
      refuseBasicCredentials(
          Vendor.YANDEX, "an IAM token, an OAuth token or a service-account key");
      ClientOptions options =
          ClientOptions.of(this, () -> EnvironmentCredentials.yandex(System.getenv(), iamUrl));
      boolean insecure = options.allowInsecureHttp();
      HttpUrl base = HttpStack.apiBaseUrl(Vendor.YANDEX, baseUrl, "baseUrl", options);
      HttpUrl ops = HttpStack.baseUrl(Vendor.YANDEX, operationsUrl, "operationsUrl", options);
      // the operation service's paths start at /operations on its own host
      HttpStack.refuseRepeatedPrefix(Vendor.YANDEX, "operationsUrl", ops, "/operations");
      if (credentials() == null) {
        HttpStack.baseUrl(Vendor.YANDEX, iamUrl, "iamUrl", insecure);
      }
      return new YandexConnectorClient(clusterId.trim(), options, base, ops);
    }
  }
}
