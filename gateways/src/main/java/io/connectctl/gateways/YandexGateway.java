package io.connectctl.gateways;

import java.util.Objects;

/**
 * Yandex Cloud's connector service ({@code /managed-kafka/v1/clusters/ID/connectors}) and the
 * Operation service ({@code /operations/ID}, served on the same port) over one real Kafka Connect
 * worker.
 *
 * <p>The gateway keeps what Yandex keeps: each connector's typed spec (write-only secrets included,
 * never returned) and the operations with their idempotency keys. A MirrorMaker connector runs as a
 * real {@code MirrorSourceConnector} on the worker; S3 and Iceberg sinks are refused, as no such
 * plugin runs locally. Every mutation answers an Operation at once and finishes it in the
 * background when the worker reports the state the change leads to, or with an error when the
 * worker refuses the change or the connector fails.
 *
 * <p>This class holds the route table and the bearer-token check; the handlers are in {@link
 * YandexConnectors} and {@link YandexOperations}, the translations in {@link YandexTranslation} and
 * {@link MirrorMakerTranslation}, the state in {@link SpecStore} and {@link OperationStore}.
 */
public final class YandexGateway extends GatewayServer {
  private final String clusterId;
  private final YandexConnectors connectors;

  private YandexGateway(ConnectWorker worker, String clusterId, String bootstrapServers) {
    super("yandex", YandexErrors.BODY);
    this.clusterId = clusterId;
    OperationStore operations = new OperationStore();
    this.connectors =
        new YandexConnectors(
            worker, clusterId, operations, new MirrorMakerTranslation(bootstrapServers));
    YandexOperations operationHandlers = new YandexOperations(operations, clusterId);
    String base = "/managed-kafka/v1/clusters/" + SEG;
    String one =
        collection(
            base + "/connectors",
            connectors::list,
            connectors::create,
            connectors::get,
            connectors::delete);
    route("PATCH", one, connectors::update);
    route("POST", base + "/connectors/pause/" + SEG, connectors.pauseOrResume("Pause", "PAUSED"));
    route(
        "POST", base + "/connectors/resume/" + SEG, connectors.pauseOrResume("Resume", "RUNNING"));
    route("GET", base + "/operations", operationHandlers::list);
    route("GET", "/operations/([^/:]+):cancel", operationHandlers::cancel);
    route("GET", "/operations/" + SEG, operationHandlers::get);
  }

  /**
   * Starts a gateway in front of {@code worker} on a free loopback port.
   *
   * @param worker the real Kafka Connect worker
   * @param bootstrapServers the local broker, which MirrorMaker's {@code thisCluster} stands for
   */
  public static YandexGateway start(ConnectWorker worker, String bootstrapServers) {
    return start(worker, bootstrapServers, "c9qlocal0gateway0kfk");
  }

  /** As {@link #start(ConnectWorker, String)}, serving cluster id {@code clusterId}. */
  public static YandexGateway start(
      ConnectWorker worker, String bootstrapServers, String clusterId) {
    YandexGateway gateway =
        new YandexGateway(
            worker,
            Objects.requireNonNull(clusterId, "clusterId"),
            Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    gateway.start();
    return gateway;
  }

  /** The Kafka cluster id this gateway serves. */
  public String clusterId() {
    return clusterId;
  }

  @Override
  public void close() {
    connectors.close();
    super.close();
  }

  /** Fails with NOT_FOUND unless path parameter 0 names the served cluster. */
  static void requireCluster(Request r, String clusterId) {
    if (!clusterId.equals(r.param(0))) {
      throw YandexErrors.fail(5, "Cluster " + r.param(0) + " not found");
    }
  }

  @Override
  Reply admit(Request request) {
    if (!request.hasBearerToken()) {
      return YandexErrors.reply(16, "The token is missing or invalid");
    }
    return null;
  }
}
