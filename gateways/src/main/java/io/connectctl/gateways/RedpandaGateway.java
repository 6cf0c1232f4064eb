package io.connectctl.gateways;

import java.util.List;

/**
 * Redpanda Cloud's Data Plane API (the Kafka Connect endpoints under {@code
 * /v1/kafka-connect/clusters}) over one real Kafka Connect worker, which appears as the Connect
 * cluster {@value #CLUSTER}. The gateway keeps no connector state: every answer is computed from
 * what the worker reports; only Connect secrets are kept here, as Redpanda keeps them. See the
 * module README for what is inferred.
 *
 * <p>This class holds the route table and the bearer-token check; the handlers are in {@link
 * RedpandaConnectors} and {@link RedpandaSecrets}, the translation in {@link RedpandaTranslation}.
 */
public final class RedpandaGateway extends GatewayServer {
  /** The one Connect cluster this gateway serves, named as on Redpanda Cloud. */
  public static final String CLUSTER = "redpanda";

  private static final String BASE = "/v1/kafka-connect/clusters";

  private RedpandaGateway(ConnectWorker worker) {
    super("redpanda", RedpandaErrors.BODY);
    RedpandaConnectors connectors = new RedpandaConnectors(worker);
    route("GET", BASE, connectors::clusters);
    route("GET", BASE + "/" + SEG, connectors::cluster);
    connectorRoutes(BASE + "/" + SEG + "/connectors", connectors);
    secretRoutes(BASE + "/" + SEG + "/secrets", new RedpandaSecrets());
  }

  /** {@code .../connectors} and one connector's resources. */
  private void connectorRoutes(String connectors, RedpandaConnectors handlers) {
    String one =
        collection(connectors, handlers::list, handlers::create, handlers::get, handlers::delete);
    route("GET", one + "/config", handlers::getConfig);
    route("PUT", one + "/config", handlers::upsertConfig);
    for (String action : List.of("pause", "resume", "stop")) {
      route("PUT", one + "/" + action, handlers.action(action));
    }
    route("POST", one + "/restart", handlers::restart);
    route("GET", one + "/status", handlers::status);
    route("GET", one + "/topics", handlers::topics);
    route("PUT", one + "/topics/reset", handlers::resetTopics);
  }

  /** {@code .../secrets} and one secret. */
  private void secretRoutes(String secrets, RedpandaSecrets handlers) {
    String one =
        collection(secrets, handlers::list, handlers::create, handlers::get, handlers::delete);
    route("PUT", one, handlers::update);
  }

  /**
   * Starts a gateway in front of {@code worker} on a free loopback port.
   *
   * @param worker the real Kafka Connect worker
   */
  public static RedpandaGateway start(ConnectWorker worker) {
    RedpandaGateway gateway = new RedpandaGateway(worker);
    gateway.start();
    return gateway;
  }

  /** Fails with a 404 unless path parameter 0 names the one Connect cluster. */
  static void requireCluster(Request r) {
    if (!CLUSTER.equals(r.param(0))) {
      throw RedpandaErrors.fail(
          404, "connect cluster '" + r.param(0) + "' not found", RedpandaErrors.NOT_FOUND);
    }
  }

  @Override
  Reply admit(Request request) {
    if (!request.hasBearerToken()) {
      return RedpandaErrors.reply(
              401, "missing or malformed bearer token", RedpandaErrors.INVALID_INPUT)
          .withHeader("WWW-Authenticate", "Bearer realm=\"local-redpanda\"");
    }
    return null;
  }

  @Override
  String noRouteMessage(Request request) {
    return "no route for " + request.method() + " " + request.path();
  }
}
