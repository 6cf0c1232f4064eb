package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redpanda Cloud's Data Plane API (the Kafka Connect endpoints under {@code
 * /v1/kafka-connect/clusters}) over one real Kafka Connect worker, which appears as the Connect
 * cluster {@value #CLUSTER}. The gateway keeps no state: every answer is computed from what the
 * worker reports. See the module README for what is inferred.
 */
public final class RedpandaGateway extends GatewayServer {
  /** The one Connect cluster this gateway serves, named as on Redpanda Cloud. */
  public static final String CLUSTER = "redpanda";

  static final String HOLISTIC = "CONNECTOR_HOLISTIC_STATE_";
  private static final String BASE = "/v1/kafka-connect/clusters";
  private static final String SEG = "([^/]+)";

  private final ConnectWorker worker;

  /**
   * Connect secrets: id → labels and the Base64 data (kept, never returned), as Redpanda keeps
   * them.
   */
  private final Map<String, Map<String, Object>> secrets =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private RedpandaGateway(ConnectWorker worker) {
    super("redpanda");
    this.worker = worker;
    route("GET", BASE, r -> Reply.json(200, Json.map("clusters", List.of(cluster()))));
    route(
        "GET",
        BASE + "/" + SEG,
        r -> {
          requireCluster(r);
          return Reply.json(200, Json.map("cluster", cluster()));
        });
    String c = BASE + "/" + SEG + "/connectors";
    route("GET", c, this::list);
    route("POST", c, this::create);
    String one = c + "/" + SEG;
    route(
        "GET",
        one,
        r ->
            Reply.json(200, Json.map("connector", connectorSpec(call(r, "GET", "", null).body()))));
    route(
        "DELETE",
        one,
        r -> {
          call(r, "DELETE", "", null);
          return Reply.empty(204);
        });
    route(
        "GET",
        one + "/config",
        r -> Reply.json(200, Json.map("config", call(r, "GET", "/config", null).body())));
    route("PUT", one + "/config", this::upsertConfig);
    for (String action : List.of("pause", "resume", "stop")) {
      route(
          "PUT",
          one + "/" + action,
          r -> {
            call(r, "PUT", "/" + action, null);
            return Reply.json(202, Map.of());
          });
    }
    route("POST", one + "/restart", this::restart);
    route(
        "GET",
        one + "/status",
        r -> {
          requireCluster(r);
          return Reply.json(
              200, Json.map("status", status(r.param(1), call(r, "GET", "/status", null).body())));
        });
    route(
        "GET",
        one + "/topics",
        r -> {
          Object body = call(r, "GET", "/topics", null).body();
          Object topics = Json.obj(Json.obj(body).get(r.param(1))).get("topics");
          return Reply.json(200, Json.map("topics", topics == null ? List.of() : topics));
        });
    route(
        "PUT",
        one + "/topics/reset",
        r -> {
          call(r, "PUT", "/topics/reset", null);
          return Reply.json(200, Map.of());
        });
    String secretsPath = BASE + "/" + SEG + "/secrets";
    route("GET", secretsPath, this::listSecrets);
    route("POST", secretsPath, this::createSecret);
    route(
        "GET",
        secretsPath + "/" + SEG,
        r -> Reply.json(200, Json.map("secret", secretView(r, secret(r)))));
    route(
        "PUT",
        secretsPath + "/" + SEG,
        r -> {
          Map<String, Object> stored = secret(r);
          Map<String, Object> body = Json.obj(r.json());
          String data = Json.str(body.get("secret_data"));
          if (data == null || data.isEmpty()) {
            throw fail(400, "secret_data: value is required", "REASON_INVALID_INPUT");
          }
          stored.put("data", data);
          stored.put("labels", body.get("labels") == null ? Map.of() : body.get("labels"));
          return Reply.json(200, Json.map("secret", secretView(r, stored)));
        });
    route(
        "DELETE",
        secretsPath + "/" + SEG,
        r -> {
          secret(r);
          secrets.remove(r.param(1));
          return Reply.empty(204);
        });
  }

  private Reply listSecrets(Request r) {
    requireCluster(r);
    String contains =
        java.util.Objects.requireNonNullElse(r.queryParam("filter.name_contains"), "");
    List<Object> all = new ArrayList<>();
    secrets.forEach(
        (id, s) -> {
          if (id.contains(contains)) {
            all.add(secretView(r, Json.map("id", id, "labels", s.get("labels"))));
          }
        });
    return Reply.json(200, Json.map("secrets", all, "next_page_token", ""));
  }

  private Reply createSecret(Request r) {
    requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    String name = Json.str(body.get("name"));
    String data = Json.str(body.get("secret_data"));
    if (name == null || !name.matches("[a-zA-Z0-9_-]{1,128}")) {
      throw fail(
          400, "name: 1 to 128 letters, digits, '-' or '_' are required", "REASON_INVALID_INPUT");
    }
    if (data == null || data.isEmpty()) {
      throw fail(400, "secret_data: value is required", "REASON_INVALID_INPUT");
    }
    Map<String, Object> stored =
        new java.util.concurrent.ConcurrentHashMap<>(
            Json.map(
                "data",
                data,
                "labels",
                body.get("labels") == null ? Map.of() : body.get("labels")));
    if (secrets.putIfAbsent(name, stored) != null) {
      throw fail(409, "secret " + name + " already exists", "REASON_RESOURCE_ALREADY_EXISTS");
    }
    return Reply.json(
        201,
        Json.map("secret", secretView(r, Json.map("id", name, "labels", stored.get("labels")))));
  }

  private Map<String, Object> secret(Request r) {
    requireCluster(r);
    Map<String, Object> s = secrets.get(r.param(1));
    if (s == null) {
      throw fail(404, "secret " + r.param(1) + " not found", "REASON_RESOURCE_NOT_FOUND");
    }
    return s;
  }

  /** What Redpanda shows of a secret: its id, labels and scope, never the data. */
  private static Map<String, Object> secretView(Request r, Map<String, Object> s) {
    Object id = s.containsKey("id") ? s.get("id") : r.param(1);
    return Json.map(
        "id",
        id,
        "labels",
        s.get("labels") == null ? Map.of() : s.get("labels"),
        "scopes",
        List.of("SCOPE_REDPANDA_CONNECT"));
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

  private Map<String, Object> cluster() {
    Answer root = worker.get("/");
    if (!root.ok()) {
      throw fail(root.status(), root.message(), "REASON_KAFKA_CONNECT_API_ERROR");
    }
    Map<String, Object> info = Json.obj(root.body());
    List<Object> plugins = new ArrayList<>();
    for (Object p : worker.plugins(false)) {
      Map<String, Object> plugin = Json.obj(p);
      plugins.add(
          Json.map(
              "class",
              plugin.get("class"),
              "type",
              plugin.get("type"),
              "version",
              plugin.get("version")));
    }
    return Json.map(
        "name",
        CLUSTER,
        "address",
        worker.url(),
        "info",
        Json.map(
            "version",
            info.get("version"),
            "commit",
            info.get("commit"),
            "kafka_cluster_id",
            info.get("kafka_cluster_id")),
        "plugins",
        plugins);
  }

  private Reply list(Request r) {
    requireCluster(r);
    int size = 100;
    String sizeText = r.queryParam("page_size");
    if (sizeText != null && !sizeText.isEmpty()) {
      try {
        size = Integer.parseInt(sizeText);
      } catch (NumberFormatException e) {
        throw fail(400, "invalid page_size '" + sizeText + "'", "REASON_INVALID_INPUT");
      }
      if (size == 0) {
        size = 100;
      } else if (size < -1 || size > 1000) {
        throw fail(
            400, "page_size must be between 1 and 1000, or -1 for all", "REASON_INVALID_INPUT");
      }
    }
    String token = r.queryParam("page_token");
    String from = "";
    if (token != null && !token.isEmpty()) {
      try {
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        if (!decoded.startsWith("name=")) {
          throw new IllegalArgumentException(decoded);
        }
        from = decoded.substring(5);
      } catch (IllegalArgumentException e) {
        throw fail(
            400,
            "page_token '" + token + "' is not a token this API handed out",
            "REASON_INVALID_INPUT");
      }
    }
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
              connectorSpec(both.get("info")),
              "status",
              status(e.getKey(), both.get("status"))));
    }
    return Reply.json(200, Json.map("connectors", page, "next_page_token", next));
  }

  private Reply create(Request r) {
    requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    Object name = body.get("name");
    if (!(name instanceof String n) || n.isEmpty()) {
      throw fail(400, "connector.name: value is required", "REASON_INVALID_INPUT");
    }
    Map<String, String> config = Json.stringMap(body.get("config"));
    if (config == null || config.isEmpty()) {
      throw fail(400, "connector.config: value is required", "REASON_INVALID_INPUT");
    }
    Answer a = worker.call("POST", "/connectors", Json.map("name", n, "config", config));
    relayFailure(a);
    return Reply.json(201, Json.map("connector", connectorSpec(a.body())));
  }

  private Reply upsertConfig(Request r) {
    requireCluster(r);
    Map<String, String> config = Json.stringMap(r.json());
    if (config == null || config.isEmpty()) {
      throw fail(400, "config: value is required", "REASON_INVALID_INPUT");
    }
    Answer a = call(r, "PUT", "/config", config);
    return Reply.json(
        a.status() == 201 ? 201 : 200, Json.map("connector", connectorSpec(a.body())));
  }

  private Reply restart(Request r) {
    requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    boolean includeTasks = Boolean.TRUE.equals(body.get("include_tasks"));
    boolean onlyFailed = Boolean.TRUE.equals(body.get("only_failed"));
    call(r, "POST", "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed, null);
    return Reply.empty(204);
  }

  /** The worker's connector info in Redpanda's ConnectorSpec shape. */
  private static Map<String, Object> connectorSpec(Object info) {
    Map<String, Object> i = Json.obj(info);
    Map<String, Object> spec =
        Json.map(
            "name",
            i.get("name"),
            "config",
            i.get("config"),
            "tasks",
            i.get("tasks") == null ? List.of() : i.get("tasks"));
    if (i.get("type") != null) {
      spec.put("type", i.get("type"));
    }
    return spec;
  }

  /**
   * The worker's status with {@code holistic_state} and {@code errors} computed as Redpanda
   * describes them.
   */
  static Map<String, Object> status(String name, Object workerStatus) {
    Map<String, Object> s = Json.obj(workerStatus);
    Map<String, Object> connector = Json.obj(s.get("connector"));
    String state = Json.str(connector.get("state"));
    List<Object> tasks = new ArrayList<>();
    List<Object> errors = new ArrayList<>();
    if ("FAILED".equals(state)) {
      errors.add(
          error(
              "TYPE_ERROR", "Connector " + name + " is in failed state.", connector.get("trace")));
    }
    int running = 0;
    int failed = 0;
    int unassigned = 0;
    int restarting = 0;
    for (Object t : Json.list(s.get("tasks"))) {
      Map<String, Object> task = Json.obj(t);
      Map<String, Object> out =
          Json.map(
              "id", task.get("id"), "state", task.get("state"), "worker_id", task.get("worker_id"));
      if (task.get("trace") != null) {
        out.put("trace", task.get("trace"));
      }
      tasks.add(out);
      switch (String.valueOf(task.get("state"))) {
        case "RUNNING" -> running++;
        case "FAILED" -> {
          failed++;
          errors.add(
              error(
                  "TYPE_ERROR",
                  "Connector " + name + " Task " + task.get("id") + " is in failed state.",
                  task.get("trace")));
        }
        case "UNASSIGNED" -> unassigned++;
        case "RESTARTING" -> restarting++;
        default -> {}
      }
    }
    String holistic =
        switch (state == null ? "" : state) {
          case "PAUSED", "STOPPED", "RESTARTING", "UNASSIGNED" -> state;
          case "FAILED" -> "UNHEALTHY";
          case "RUNNING" -> {
            if (tasks.isEmpty()) {
              errors.add(
                  error(
                      "TYPE_ERROR",
                      "Connector " + name + " has no tasks.",
                      "The connector is running but has no tasks."));
              yield "UNHEALTHY";
            } else if (failed == tasks.size()) {
              yield "UNHEALTHY";
            } else if (failed > 0) {
              yield "DEGRADED";
            } else if (unassigned > 0) {
              yield "UNASSIGNED";
            } else if (restarting > 0) {
              yield "RESTARTING";
            } else if (running == tasks.size()) {
              yield "HEALTHY";
            } else {
              yield "UNKNOWN";
            }
          }
          default -> "UNKNOWN";
        };
    Map<String, Object> c = Json.map("state", state, "worker_id", connector.get("worker_id"));
    if (connector.get("trace") != null) {
      c.put("trace", connector.get("trace"));
    }
    Map<String, Object> out = Json.map("name", s.get("name") == null ? name : s.get("name"));
    if (s.get("type") != null) {
      out.put("type", s.get("type"));
    }
    out.put("connector", c);
    out.put("tasks", tasks);
    out.put("holistic_state", HOLISTIC + holistic);
    out.put("errors", errors);
    return out;
  }

  private static Map<String, Object> error(String type, String title, Object content) {
    return Json.map(
        "type", type, "title", title, "content", content == null ? "" : content.toString());
  }

  /**
   * Calls the worker for the connector named by path parameter 1, relaying a failure in Redpanda's
   * shape.
   */
  private Answer call(Request r, String method, String suffix, Object body) {
    requireCluster(r);
    Answer a = worker.call(method, ConnectWorker.connectorPath(r.param(1), suffix), body);
    relayFailure(a);
    return a;
  }

  private static void relayFailure(Answer a) {
    if (!a.ok()) {
      throw fail(a.status(), a.message(), "REASON_KAFKA_CONNECT_API_ERROR");
    }
  }

  private static void requireCluster(Request r) {
    if (!CLUSTER.equals(r.param(0))) {
      throw fail(
          404, "connect cluster '" + r.param(0) + "' not found", "REASON_RESOURCE_NOT_FOUND");
    }
  }

  /** A failure in the grpc-gateway shape, the gRPC code chosen from the HTTP status. */
  static Reply.Failure fail(int status, String message, String reason) {
    return new Reply.Failure(errorReply(status, message, reason));
  }

  static Reply errorReply(int status, String message, String reason) {
    String code =
        switch (status) {
          case 400 -> "INVALID_ARGUMENT";
          case 401 -> "UNAUTHENTICATED";
          case 403 -> "PERMISSION_DENIED";
          case 404 -> "NOT_FOUND";
          case 409 ->
              message != null && message.toLowerCase(java.util.Locale.ROOT).contains("rebalanc")
                  ? "ABORTED"
                  : "ALREADY_EXISTS";
          case 429 -> "RESOURCE_EXHAUSTED";
          case 501 -> "UNIMPLEMENTED";
          case 503 -> "UNAVAILABLE";
          case 504 -> "DEADLINE_EXCEEDED";
          default -> "INTERNAL";
        };
    int http =
        switch (status) {
          case 400, 401, 403, 404, 409, 429, 501, 503, 504 -> status;
          default -> 500;
        };
    return Reply.json(
        http,
        Json.map(
            "code",
            code,
            "message",
            message,
            "details",
            List.of(
                Json.map(
                    "@type",
                    "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason",
                    reason,
                    "domain",
                    "redpanda.com/dataplane",
                    "metadata",
                    Map.of()))));
  }

  @Override
  Reply admit(Request request) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      return errorReply(401, "missing or malformed bearer token", "REASON_INVALID_INPUT")
          .withHeader("WWW-Authenticate", "Bearer realm=\"local-redpanda\"");
    }
    return null;
  }

  @Override
  Reply notFound(Request request) {
    return errorReply(
        404,
        "no route for " + request.method() + " " + request.path(),
        "REASON_RESOURCE_NOT_FOUND");
  }

  @Override
  Reply badRequest(String message) {
    return errorReply(400, message, "REASON_INVALID_INPUT");
  }

  @Override
  Reply internal(String message) {
    return errorReply(500, message, "REASON_KAFKA_CONNECT_API_ERROR");
  }
}
