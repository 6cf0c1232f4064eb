package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import io.connectctl.gateways.GatewayServer.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The handlers of Redpanda's Connect clusters and their connectors ({@code .../connectors} and
 * {@code .../connectors/NAME} with its config, actions, status and topics). The path names the
 * Connect cluster in parameter 0 and the connector in parameter 1.
 */
final class RedpandaConnectors {
  private final ConnectWorker worker;

  RedpandaConnectors(ConnectWorker worker) {
    this.worker = worker;
  }

  Reply clusters(Request r) {
    return Reply.json(
        200,
        Json.map(
            "clusters", List.of(RedpandaTranslation.cluster(RedpandaGateway.CLUSTER, worker))));
  }

  Reply cluster(Request r) {
    RedpandaGateway.requireCluster(r);
    return Reply.json(
        200, Json.map("cluster", RedpandaTranslation.cluster(RedpandaGateway.CLUSTER, worker)));
  }

  Reply list(Request r) {
    RedpandaGateway.requireCluster(r);
    int size = pageSize(r);
    String from = pageStart(r);
    TreeMap<String, Object> all = new TreeMap<>(worker.expanded());
    List<Object> page = new ArrayList<>();
    String next = "";
    for (Map.Entry<String, Object> e : all.tailMap(from, true).entrySet()) {
      if (size != -1 && page.size() == size) {
        next =
            Base64.getEncoder()
                .encodeToString(("name=" + e.getKey()).getBytes(StandardCharsets.UTF_8));
        break;
      }
      Map<String, Object> both = Json.obj(e.getValue());
      page.add(
          Json.map(
              "name",
              e.getKey(),
              "info",
              RedpandaTranslation.connectorSpec(both.get("info")),
              "status",
              RedpandaTranslation.status(e.getKey(), both.get("status"))));
    }
    return Reply.json(200, Json.map("connectors", page, "next_page_token", next));
  }

  /** {@code page_size}: 100 when missing or 0, -1 for all. */
  private static int pageSize(Request r) {
    String sizeText = r.queryParam("page_size");
    if (sizeText == null || sizeText.isEmpty()) {
      return 100;
    }
    int size;
    try {
      size = Integer.parseInt(sizeText);
    } catch (NumberFormatException e) {
      throw RedpandaErrors.fail(
          400, "invalid page_size '" + sizeText + "'", RedpandaErrors.INVALID_INPUT);
    }
    if (size == 0) {
      return 100;
    } else if (size < -1 || size > 1000) {
      throw RedpandaErrors.fail(
          400, "page_size must be between 1 and 1000, or -1 for all", RedpandaErrors.INVALID_INPUT);
    }
    return size;
  }

  /** The first connector name of the page {@code page_token} asks for ("" for the first page). */
  private static String pageStart(Request r) {
    String token = r.queryParam("page_token");
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      if (!decoded.startsWith("name=")) {
        throw new IllegalArgumentException(decoded);
      }
      return decoded.substring(5);
    } catch (IllegalArgumentException e) {
      throw RedpandaErrors.fail(
          400,
          "page_token '" + token + "' is not a token this API handed out",
          RedpandaErrors.INVALID_INPUT);
    }
  }

  Reply create(Request r) {
    RedpandaGateway.requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    Object name = body.get("name");
    if (!(name instanceof String n) || n.isEmpty()) {
      throw RedpandaErrors.fail(
          400, "connector.name: value is required", RedpandaErrors.INVALID_INPUT);
    }
    Map<String, String> config = Json.stringMap(body.get("config"));
    if (config == null || config.isEmpty()) {
      throw RedpandaErrors.fail(
          400, "connector.config: value is required", RedpandaErrors.INVALID_INPUT);
    }
    Answer a =
        RedpandaErrors.relay(
            worker.call("POST", "/connectors", Json.map("name", n, "config", config)));
    return Reply.json(201, Json.map("connector", RedpandaTranslation.connectorSpec(a.body())));
  }

  Reply get(Request r) {
    return Reply.json(
        200,
        Json.map("connector", RedpandaTranslation.connectorSpec(call(r, "GET", "", null).body())));
  }

  Reply delete(Request r) {
    call(r, "DELETE", "", null);
    return Reply.empty(204);
  }

  Reply getConfig(Request r) {
    return Reply.json(200, Json.map("config", call(r, "GET", "/config", null).body()));
  }

  Reply upsertConfig(Request r) {
    RedpandaGateway.requireCluster(r);
    Map<String, String> config = Json.stringMap(r.json());
    if (config == null || config.isEmpty()) {
      throw RedpandaErrors.fail(400, "config: value is required", RedpandaErrors.INVALID_INPUT);
    }
    Answer a = call(r, "PUT", "/config", config);
    return Reply.json(
        a.status() == 201 ? 201 : 200,
        Json.map("connector", RedpandaTranslation.connectorSpec(a.body())));
  }

  /** The handler of {@code PUT .../NAME/ACTION} (pause, resume, stop). */
  GatewayServer.Handler action(String action) {
    return r -> {
      call(r, "PUT", "/" + action, null);
      return Reply.json(202, Map.of());
    };
  }

  Reply restart(Request r) {
    RedpandaGateway.requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    boolean includeTasks = Boolean.TRUE.equals(body.get("include_tasks"));
    boolean onlyFailed = Boolean.TRUE.equals(body.get("only_failed"));
    call(r, "POST", "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed, null);
    return Reply.empty(204);
  }

  Reply status(Request r) {
    RedpandaGateway.requireCluster(r);
    return Reply.json(
        200,
        Json.map(
            "status",
            RedpandaTranslation.status(r.param(1), call(r, "GET", "/status", null).body())));
  }

  Reply topics(Request r) {
    Object body = call(r, "GET", "/topics", null).body();
    Object topics = Json.obj(Json.obj(body).get(r.param(1))).get("topics");
    return Reply.json(200, Json.map("topics", topics == null ? List.of() : topics));
  }

  Reply resetTopics(Request r) {
    call(r, "PUT", "/topics/reset", null);
    return Reply.json(200, Map.of());
  }

  /**
   * Calls the worker for the connector named by path parameter 1, relaying a failure in Redpanda's
   * shape.
   */
  private Answer call(Request r, String method, String suffix, Object body) {
    RedpandaGateway.requireCluster(r);
    return RedpandaErrors.relay(
        worker.call(method, ConnectWorker.connectorPath(r.param(1), suffix), body));
  }
}
