package io.connectctl.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kafka Connect worker as the CLI met it for real, behind Redpanda's Data Plane API or
 * Confluent's Connect v1 paths (wire shapes as the specs describe them), on a free loopback port.
 * What it does, and when, follows what the real worker did:
 *
 * <ul>
 *   <li>create, and resume after a stop, show the connector RUNNING with no tasks first (Redpanda's
 *       holistic state says UNHEALTHY then); the tasks follow {@link #TASKS_AFTER} later;
 *   <li>pause shows the connector PAUSED at once and its tasks a moment ({@link #TASKS_AFTER})
 *       later;
 *   <li>a config update is read back as the old config until the worker has taken it, then the
 *       tasks are reassigned (UNASSIGNED) and run again on another worker;
 *   <li>a connector whose task {@linkplain #failing fails} fails again right after a restart or
 *       resume, before the first status poll can see anything else; Redpanda answers the restart
 *       with an empty 204;
 *   <li>the server adds to stored configs settings of its own (Redpanda a {@code topics.regex}
 *       placeholder to a sink, both the {@code name}; Confluent its cloud settings) and Confluent
 *       masks secrets as {@code ****};
 *   <li>Redpanda serves at most {@link #PAGE} connectors a page, and a page token naming a
 *       connector that was deleted meanwhile starts the listing over from the top;
 *   <li>vendor error messages may span lines.
 * </ul>
 *
 * Every request is recorded, so tests can count writes.
 */
final class ScriptedWorker implements AutoCloseable {
  /** Which API the worker is reached through. */
  enum Api {
    REDPANDA,
    CONFLUENT,
    YANDEX
  }

  static final long TASKS_AFTER = 300;
  static final long CONFIG_TAKEN_AFTER = 250;
  static final int PAGE = 5;
  static final String ENV = "env-1";
  static final String CLUSTER = "lkc-1";

  /** One request as received. */
  record Request(String method, String path, String body) {
    boolean isWrite() {
      return !method.equals("GET");
    }
  }

  record Task(int id, String state, String worker, String trace) {}

  /** What the worker shows from a moment on. */
  private record Shown(long at, String state, String trace, List<Task> tasks) {}

  private static final class Connector {
    final String name;
    Map<String, String> config;
    Map<String, String> previousConfig;
    long configTakenAt;
    final List<Shown> timeline = new ArrayList<>();
    final List<String> topics = new ArrayList<>(List.of("orders"));
    boolean failing;
    String trace = "";

    Connector(String name, Map<String, String> config) {
      this.name = name;
      this.config = config;
      this.previousConfig = config;
    }

    Shown now() {
      long now = System.currentTimeMillis();
      Shown current = timeline.get(0);
      for (Shown s : timeline) {
        if (s.at() <= now) {
          current = s;
        }
      }
      return current;
    }

    Map<String, String> shownConfig() {
      return System.currentTimeMillis() >= configTakenAt ? config : previousConfig;
    }

    int taskCount() {
      try {
        return Math.max(1, Integer.parseInt(config.getOrDefault("tasks.max", "1")));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    List<Task> tasks(String state, String worker) {
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < taskCount(); i++) {
        tasks.add(new Task(i, state, worker, state.equals("FAILED") ? trace : ""));
      }
      return tasks;
    }

    void show(long delay, String state, List<Task> tasks) {
      long at = System.currentTimeMillis() + delay;
      timeline.removeIf(s -> s.at() >= at);
      timeline.add(new Shown(at, state, "", tasks));
    }
  }

  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> MAP =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Api api;
  private final HttpServer server;
  private final Map<String, Connector> connectors = new TreeMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Consumer<Integer>> afterPage = new CopyOnWriteArrayList<>();
  private int pagesServed;
  private int createStatus;
  private String createError = "";

  ScriptedWorker(Api api) {
    this.api = api;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The CLI flags for an ad-hoc target on this worker. */
  List<String> flags() {
    return switch (api) {
      case REDPANDA -> List.of("--vendor", "redpanda", "--url", url());
      case CONFLUENT ->
          List.of(
              "--vendor", "confluent", "--url", url(), "--environment", ENV, "--cluster", CLUSTER);
      case YANDEX ->
          List.of(
              "--vendor", "yandex", "--url", url(), "--operation-url", url(), "--cluster", CLUSTER);
    };
  }

  /** The credentials the CLI reads from the environment. */
  Map<String, String> env() {
    return switch (api) {
      case REDPANDA -> Map.of("REDPANDA_TOKEN", "rp-token-value");
      case CONFLUENT ->
          Map.of("CONFLUENT_CLOUD_API_KEY", "KEY", "CONFLUENT_CLOUD_API_SECRET", "cc-secret-value");
      case YANDEX -> Map.of("YC_IAM_TOKEN", "yc-iam-value");
    };
  }

  // ---- set-up and inspection from tests

  /** A running connector with settled tasks. */
  synchronized void add(String name, Map<String, String> config) {
    Connector c = new Connector(name, stored(name, config));
    c.show(-1, "RUNNING", c.tasks("RUNNING", "worker-1"));
    connectors.put(name, c);
  }

  /**
   * Yandex: a connector as the Connector service returns it (typed config, write-only secrets left
   * out, the properties the service adds by itself included); reads only.
   */
  private final Map<String, Map<String, Object>> yandex = new TreeMap<>();

  synchronized void addYandex(Map<String, Object> connector) {
    yandex.put(String.valueOf(connector.get("name")), connector);
  }

  /** From now on the connector's tasks fail as soon as they start, with {@code trace}. */
  synchronized void failing(String name, String trace) {
    Connector c = connectors.get(name);
    if (c == null) {
      throw new IllegalArgumentException(name);
    }
    c.failing = true;
    c.trace = trace;
    if (c.now().state().equals("RUNNING")) {
      c.show(-1, "RUNNING", c.tasks("FAILED", "worker-1"));
    }
  }

  /** Connectors created from now on fail as soon as their tasks start. */
  private String failOnCreate;

  synchronized void tasksFailOnCreate(String trace) {
    failOnCreate = trace;
  }

  /**
   * The next create is refused with {@code status} and a body with {@code message} (may span
   * lines).
   */
  synchronized void refuseCreate(int status, String message) {
    createStatus = status;
    createError = message;
  }

  /** Runs {@code action} with the page number after each listing page is served. */
  void afterPage(Consumer<Integer> action) {
    afterPage.add(action);
  }

  synchronized void delete(String name) {
    connectors.remove(name);
  }

  synchronized Map<String, String> storedConfig(String name) {
    return Map.copyOf(connectors.get(name).config);
  }

  synchronized List<Task> tasksNow(String name) {
    return connectors.get(name).now().tasks();
  }

  synchronized String stateNow(String name) {
    return connectors.get(name).now().state();
  }

  synchronized List<String> topics(String name) {
    return List.copyOf(connectors.get(name).topics);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> writes() {
    return requests.stream().filter(Request::isWrite).toList();
  }

  void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    try {
      ((java.util.concurrent.ExecutorService) server.getExecutor())
          .awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the server

  private Map<String, String> stored(String name, Map<String, String> config) {
    Map<String, String> stored = new TreeMap<>(config);
    stored.put("name", name);
    if (api == Api.REDPANDA) {
      if (!stored.containsKey("topics.regex")
          && stored.getOrDefault("connector.class", "").contains("Sink")) {
        stored.put("topics.regex", "");
      }
    } else {
      stored.putIfAbsent("cloud.environment", "prod");
      stored.putIfAbsent("cloud.provider", "aws");
      stored.putIfAbsent("kafka.endpoint", "SASL_SSL://pkc-1.us-east-1.aws.confluent.cloud:9092");
    }
    return stored;
  }

  private Map<String, String> readBack(Map<String, String> config) {
    if (api == Api.REDPANDA) {
      return config;
    }
    Map<String, String> masked = new TreeMap<>();
    config.forEach(
        (k, v) -> masked.put(k, io.connectctl.facade.Redaction.isSecretKey(k) ? "****" : v));
    return masked;
  }

  private static final Pattern REDPANDA =
      Pattern.compile("/v1/kafka-connect/clusters/[^/]+/connectors(?:/([^/]+)(/.*)?)?");
  private static final Pattern CONFLUENT =
      Pattern.compile(
          "/connect/v1/environments/[^/]+/clusters/[^/]+/connectors(?:/([^/]+)(/.*)?)?");

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    requests.add(new Request(method, path, body));
    if (api == Api.YANDEX) {
      yandex(exchange, method, path);
      return;
    }
    Matcher m = (api == Api.REDPANDA ? REDPANDA : CONFLUENT).matcher(path);
    try {
      if (!m.matches()) {
        respond(exchange, 404, error(404, "no route " + path));
        return;
      }
      String name =
          m.group(1) == null ? null : URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      String rest = m.group(2) == null ? "" : m.group(2);
      Answer answer;
      synchronized (this) {
        answer = route(method, name, rest, body, query(exchange));
        if (answer.afterPage() > 0) {
          // Before the page is answered, so the client's next request sees what happened.
          afterPage.forEach(a -> a.accept(answer.afterPage()));
        }
      }
      respond(exchange, answer.status(), answer.body());
    } catch (RuntimeException e) {
      respond(exchange, 500, error(500, String.valueOf(e)));
    }
  }

  private static final Pattern YANDEX =
      Pattern.compile("/managed-kafka/v1/clusters/[^/]+/connectors(?:/([^/]+))?");

  private void yandex(HttpExchange exchange, String method, String path) throws IOException {
    Matcher m = YANDEX.matcher(path);
    Map<String, Object> found;
    synchronized (this) {
      found =
          m.matches() && m.group(1) != null && method.equals("GET") ? yandex.get(m.group(1)) : null;
      if (m.matches() && m.group(1) == null && method.equals("GET")) {
        respond(
            exchange,
            200,
            Map.of("connectors", new ArrayList<>(yandex.values()), "nextPageToken", ""));
        return;
      }
    }
    if (found == null) {
      respond(
          exchange, 404, Map.of("code", 5, "message", "connector not found", "details", List.of()));
    } else {
      respond(exchange, 200, found);
    }
  }

  private record Answer(int status, Object body, int afterPage) {
    Answer(int status, Object body) {
      this(status, body, 0);
    }
  }

  private Answer route(
      String method, String name, String rest, String body, Map<String, String> query) {
    if (name == null) {
      if (method.equals("GET")) {
        return list(query);
      }
      Map<String, Object> request = parse(body);
      return create(String.valueOf(request.get("name")), strings(request.get("config")));
    }
    Connector c = connectors.get(name);
    if (rest.equals("/config") && method.equals("PUT")) {
      return update(name, c, strings(parse(body)));
    }
    if (c == null) {
      return new Answer(404, error(404, "Connector " + name + " not found"));
    }
    switch (method + " " + rest) {
      case "GET " -> {
        return new Answer(200, api == Api.REDPANDA ? Map.of("connector", info(c)) : info(c));
      }
      case "GET /status" -> {
        return new Answer(200, api == Api.REDPANDA ? Map.of("status", status(c)) : status(c));
      }
      case "DELETE " -> {
        connectors.remove(name);
        return api == Api.REDPANDA ? new Answer(204, null) : new Answer(200, nullError());
      }
      case "PUT /pause" -> {
        c.show(0, "PAUSED", c.now().tasks());
        c.show(TASKS_AFTER, "PAUSED", c.tasks("PAUSED", "worker-1"));
        return new Answer(202, Map.of());
      }
      case "PUT /stop" -> {
        c.show(0, "STOPPED", List.of());
        return new Answer(202, Map.of());
      }
      case "PUT /resume" -> {
        boolean fromStop = c.now().state().equals("STOPPED");
        c.show(0, "RUNNING", fromStop ? List.of() : c.now().tasks());
        if (c.failing) {
          c.show(0, "RUNNING", c.tasks("FAILED", "worker-1"));
        } else {
          c.show(TASKS_AFTER, "RUNNING", c.tasks("RUNNING", "worker-1"));
        }
        return new Answer(202, Map.of());
      }
      case "POST /restart" -> {
        // Applied before the first poll can see it; a failing task fails again at once.
        c.show(0, "RUNNING", c.tasks(c.failing ? "FAILED" : "RUNNING", "worker-1"));
        return api == Api.REDPANDA ? new Answer(204, null) : new Answer(202, Map.of());
      }
      case "GET /topics" -> {
        return new Answer(200, Map.of("topics", c.topics));
      }
      case "PUT /topics/reset" -> {
        c.topics.clear();
        return new Answer(200, Map.of());
      }
      default -> {
        return new Answer(404, error(404, "no route " + method + " " + rest));
      }
    }
  }

  private Answer create(String name, Map<String, String> config) {
    if (createStatus != 0) {
      int status = createStatus;
      createStatus = 0;
      return new Answer(status, error(status, createError));
    }
    if (connectors.containsKey(name)) {
      return new Answer(409, error(409, "Connector " + name + " already exists"));
    }
    Connector c = new Connector(name, stored(name, config));
    if (failOnCreate != null) {
      c.failing = true;
      c.trace = failOnCreate;
    }
    c.show(0, "RUNNING", List.of());
    c.show(TASKS_AFTER, "RUNNING", c.tasks(c.failing ? "FAILED" : "RUNNING", "worker-1"));
    connectors.put(name, c);
    return new Answer(201, api == Api.REDPANDA ? Map.of("connector", info(c)) : info(c));
  }

  private Answer update(String name, Connector c, Map<String, String> config) {
    if (c == null) {
      return create(name, config);
    }
    c.previousConfig = c.config;
    c.config = stored(name, config);
    c.configTakenAt = System.currentTimeMillis() + CONFIG_TAKEN_AFTER;
    c.show(CONFIG_TAKEN_AFTER, c.now().state(), c.tasks("UNASSIGNED", ""));
    c.show(
        CONFIG_TAKEN_AFTER + TASKS_AFTER,
        "RUNNING",
        c.tasks(c.failing ? "FAILED" : "RUNNING", "worker-2"));
    return new Answer(200, api == Api.REDPANDA ? Map.of("connector", info(c)) : info(c));
  }

  private Answer list(Map<String, String> query) {
    List<Connector> all = new ArrayList<>(connectors.values());
    if (api == Api.CONFLUENT) {
      Map<String, Object> expanded = new LinkedHashMap<>();
      all.forEach(
          c ->
              expanded.put(
                  c.name,
                  Map.of(
                      "id",
                      Map.of("id", "lcc-" + c.name, "id_type", "ID"),
                      "info",
                      info(c),
                      "status",
                      status(c))));
      return new Answer(200, expanded);
    }
    int size =
        Math.min(PAGE, Integer.parseInt(query.getOrDefault("page_size", String.valueOf(PAGE))));
    String token = query.getOrDefault("page_token", "");
    int from = 0;
    if (!token.isEmpty()) {
      int at = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).name.equals(token)) {
          at = i;
        }
      }
      from = at < 0 ? 0 : at + 1; // the connector the token names is gone: start over from the top
    }
    List<Connector> page = all.subList(from, Math.min(all.size(), from + size));
    String next = from + size < all.size() ? page.get(page.size() - 1).name : "";
    List<Object> items = new ArrayList<>();
    page.forEach(c -> items.add(Map.of("name", c.name, "info", info(c), "status", status(c))));
    pagesServed++;
    return new Answer(200, Map.of("connectors", items, "next_page_token", next), pagesServed);
  }

  private Map<String, Object> info(Connector c) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", c.name);
    info.put("type", "sink");
    info.put("config", readBack(c.shownConfig()));
    List<Object> tasks = new ArrayList<>();
    c.now().tasks().forEach(t -> tasks.add(Map.of("connector", c.name, "task", t.id())));
    info.put("tasks", tasks);
    return info;
  }

  private Map<String, Object> status(Connector c) {
    Shown shown = c.now();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("name", c.name);
    status.put("type", "sink");
    status.put(
        "connector",
        Map.of("state", shown.state(), "worker_id", "worker-1", "trace", shown.trace()));
    List<Object> tasks = new ArrayList<>();
    for (Task t : shown.tasks()) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("id", t.id());
      task.put("state", t.state());
      task.put("worker_id", t.worker());
      task.put(api == Api.REDPANDA ? "trace" : "msg", t.trace());
      tasks.add(task);
    }
    status.put("tasks", tasks);
    if (api == Api.REDPANDA) {
      status.put("holistic_state", "CONNECTOR_HOLISTIC_STATE_" + holistic(shown));
      status.put("errors", List.of());
    }
    return status;
  }

  /** Redpanda's verdict over the connector and its tasks. */
  private static String holistic(Shown shown) {
    List<Task> tasks = shown.tasks();
    return switch (shown.state()) {
      case "PAUSED" -> "PAUSED";
      case "STOPPED" -> "STOPPED";
      case "FAILED" -> "UNHEALTHY";
      case "RUNNING" -> {
        if (tasks.isEmpty() || tasks.stream().allMatch(t -> t.state().equals("FAILED"))) {
          yield "UNHEALTHY";
        }
        yield tasks.stream().allMatch(t -> t.state().equals("RUNNING")) ? "HEALTHY" : "DEGRADED";
      }
      default -> "UNKNOWN";
    };
  }

  private Object error(int status, String message) {
    if (api == Api.REDPANDA) {
      String code =
          switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            default -> "INTERNAL";
          };
      return Map.of("code", code, "message", message, "details", List.of());
    }
    return Map.of("error_code", status, "message", message);
  }

  private static Map<String, Object> nullError() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", null);
    return body;
  }

  private static Map<String, Object> parse(String body) {
    try {
      return MAP.fromJson(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> out = new TreeMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] bytes =
        MOSHI.adapter(Object.class).serializeNulls().toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
