package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Confluent Cloud's Connect v1 API ({@code /connect/v1/environments/ENV/clusters/CLUSTER/...}) over
 * one real Kafka Connect worker. The gateway keeps what Confluent keeps beside Kafka Connect: each
 * connector's {@code lcc-} id and creation time (for PROVISIONING), the latest offsets request of
 * each connector, and the request counts of the rate limiter. Everything else is read from the
 * worker at each request. See the module README for what is inferred.
 */
public final class ConfluentGateway extends GatewayServer {
  /** The mask Confluent shows instead of a secret value. */
  public static final String MASK = "****";

  private static final String SEG = "([^/]+)";
  private static final Set<String> CONFLUENT_KEYS =
      Set.of("cloud.environment", "cloud.provider", "kafka.endpoint", "kafka.region");

  private final ConnectWorker worker;
  private final Settings settings;
  private final Map<String, Managed> managed = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> passwordKeys = new ConcurrentHashMap<>();
  private final Map<String, String> types = new ConcurrentHashMap<>();
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong throttled = new AtomicLong();
  private volatile int limit;
  private volatile Duration window;

  /**
   * How the gateway behaves.
   *
   * @param environmentId the one environment served ({@code env-...})
   * @param clusterId the one Kafka cluster served ({@code lkc-...})
   * @param requestsPerWindow requests one API key may make per window before 429s; 0 for no limit
   * @param window the rate limit window
   * @param provisioning how long a new connector reports PROVISIONING at least (until the worker
   *     runs it and every task, in any case)
   * @param bootstrapServers the Kafka bootstrap servers shown as {@code kafka.endpoint}
   */
  public record Settings(
      String environmentId,
      String clusterId,
      int requestsPerWindow,
      Duration window,
      Duration provisioning,
      String bootstrapServers) {
    /** {@code env-local}, {@code lkc-local}, no rate limit, 2 s of provisioning. */
    public static Settings defaults() {
      return new Settings(
          "env-local", "lkc-local", 0, Duration.ofSeconds(10), Duration.ofSeconds(2), "");
    }

    /** These settings with another rate limit. */
    public Settings withRateLimit(int requests, Duration per) {
      return new Settings(environmentId, clusterId, requests, per, provisioning, bootstrapServers);
    }

    /** These settings with the bootstrap servers shown in configs. */
    public Settings withBootstrapServers(String servers) {
      return new Settings(
          environmentId, clusterId, requestsPerWindow, window, provisioning, servers);
    }
  }

  /** What the gateway remembers of one connector. */
  private record Managed(
      String id, Instant createdAt, boolean provisioned, Map<String, Object> offsetsRequest) {
    Managed markProvisioned() {
      return new Managed(id, createdAt, true, offsetsRequest);
    }

    Managed withOffsetsRequest(Map<String, Object> request) {
      return new Managed(id, createdAt, provisioned, request);
    }
  }

  private static final class Window {
    long start;
    int count;
  }

  private ConfluentGateway(ConnectWorker worker, Settings settings) {
    super("confluent");
    this.worker = worker;
    this.settings = settings;
    this.limit = settings.requestsPerWindow();
    this.window = settings.window();
    String base = "/connect/v1/environments/" + SEG + "/clusters/" + SEG;
    String c = base + "/connectors";
    route("GET", c, this::list);
    route("POST", c, this::create);
    String one = c + "/" + SEG;
    route(
        "GET", one, r -> Reply.json(200, info(r.param(2), call(r, "GET", "", null).body(), true)));
    route(
        "DELETE",
        one,
        r -> {
          call(r, "DELETE", "", null);
          managed.remove(r.param(2));
          return Reply.json(200, Json.map("error", null));
        });
    route(
        "GET",
        one + "/config",
        r -> Reply.json(200, readConfig(r.param(2), call(r, "GET", "/config", null).body())));
    route("PUT", one + "/config", this::putConfig);
    route(
        "PUT",
        one + "/pause",
        r -> {
          call(r, "PUT", "/pause", null);
          return Reply.empty(202);
        });
    route(
        "PUT",
        one + "/resume",
        r -> {
          call(r, "PUT", "/resume", null);
          return Reply.empty(202);
        });
    route("POST", one + "/restart", this::restart);
    route("GET", one + "/status", r -> Reply.json(200, status(r)));
    route(
        "GET",
        one + "/tasks",
        r -> {
          List<Object> tasks = new ArrayList<>();
          for (Object t : Json.list(call(r, "GET", "/tasks", null).body())) {
            Map<String, Object> task = Json.obj(t);
            tasks.add(
                Json.map(
                    "id",
                    task.get("id"),
                    "config",
                    mask(r.param(2), Json.stringMap(task.get("config")))));
          }
          return Reply.json(200, tasks);
        });
    route(
        "GET",
        one + "/offsets",
        r -> {
          Object body = call(r, "GET", "/offsets", null).body();
          return Reply.json(
              200,
              Json.map(
                  "name",
                  r.param(2),
                  "id",
                  managed(r.param(2)).id(),
                  "offsets",
                  Json.list(Json.obj(body).get("offsets")),
                  "metadata",
                  Json.map("observed_at", now())));
        });
    route("POST", one + "/offsets/request", this::requestOffsets);
    route(
        "GET",
        one + "/offsets/request/status",
        r -> {
          call(r, "GET", "", null);
          Map<String, Object> request = managed(r.param(2)).offsetsRequest();
          if (request == null) {
            throw fail(404, "No offsets request was made for connector " + r.param(2));
          }
          return Reply.json(200, request);
        });
    route(
        "GET",
        base + "/connector-plugins",
        r -> {
          requireCluster(r);
          List<Object> plugins = new ArrayList<>();
          for (Object p : worker.plugins(true)) {
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
          return Reply.json(200, plugins);
        });
    route(
        "PUT",
        base + "/connector-plugins/" + SEG + "/config/validate",
        r -> {
          requireCluster(r);
          Map<String, String> config = Json.stringMap(r.json());
          if (config == null) {
            throw fail(400, "The body must be a configuration object");
          }
          Answer a =
              worker.call(
                  "PUT",
                  "/connector-plugins/" + ConnectWorker.encode(r.param(2)) + "/config/validate",
                  config);
          if (!a.ok()) {
            throw fail(a.status(), a.message());
          }
          return Reply.json(200, a.body());
        });
  }

  /**
   * Starts a gateway in front of {@code worker} on a free loopback port.
   *
   * @param worker the real Kafka Connect worker
   * @param settings ids, rate limit and provisioning time
   */
  public static ConfluentGateway start(ConnectWorker worker, Settings settings) {
    ConfluentGateway gateway =
        new ConfluentGateway(worker, Objects.requireNonNull(settings, "settings"));
    gateway.start();
    return gateway;
  }

  /** The environment id this gateway serves. */
  public String environmentId() {
    return settings.environmentId();
  }

  /** The Kafka cluster id this gateway serves. */
  public String clusterId() {
    return settings.clusterId();
  }

  /** Changes the rate limit from now on (0: none). */
  public void limitRate(int requestsPerWindow, Duration per) {
    windows.clear();
    this.window = Objects.requireNonNull(per, "per");
    this.limit = requestsPerWindow;
  }

  /** How many requests were answered 429 so far. */
  public long throttledCount() {
    return throttled.get();
  }

  // ---- rate limit and credentials

  @Override
  Reply admit(Request request) {
    String auth = request.header("Authorization");
    String key = null;
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()),
                java.nio.charset.StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && colon < decoded.length() - 1) {
          key = decoded.substring(0, colon);
        }
      } catch (IllegalArgumentException e) {
        key = null;
      }
    } else if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && auth.length() > 7) {
      key = "bearer";
    }
    if (key == null) {
      return errorReply(
          401, "Unauthorized: send a Cloud API key and secret as HTTP Basic credentials");
    }
    int max = limit;
    if (max <= 0) {
      return null;
    }
    long windowMs = window.toMillis();
    long nowMs = System.currentTimeMillis();
    Window w = windows.computeIfAbsent(key, k -> new Window());
    long resetMs;
    int remaining;
    synchronized (w) {
      if (nowMs - w.start >= windowMs) {
        w.start = nowMs;
        w.count = 0;
      }
      w.count++;
      resetMs = w.start + windowMs - nowMs;
      remaining = Math.max(0, max - w.count);
      if (w.count <= max) {
        return null;
      }
    }
    throttled.incrementAndGet();
    long seconds = Math.max(1, (resetMs + 999) / 1000);
    return Reply.empty(429)
        .withHeader("Retry-After", Long.toString(seconds))
        .withHeader("X-RateLimit-Limit", Integer.toString(max))
        .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
        .withHeader("X-RateLimit-Reset", Long.toString(seconds));
  }

  // ---- connectors

  private Reply list(Request r) {
    requireCluster(r);
    String expand = r.queryParam("expand");
    TreeMap<String, Object> all = new TreeMap<>(worker.expanded());
    if (expand == null) {
      return Reply.json(200, new ArrayList<>(all.keySet()));
    }
    Set<String> parts = Set.of(expand.split(","));
    for (String part : parts) {
      if (!Set.of("id", "info", "status").contains(part)) {
        throw fail(400, "expand: unknown part '" + part + "' (use id, info, status)");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      Map<String, Object> both = Json.obj(e.getValue());
      Map<String, Object> item = new LinkedHashMap<>();
      if (parts.contains("id")) {
        item.put("id", Json.map("id", managed(e.getKey()).id(), "id_type", "ID"));
      }
      if (parts.contains("info")) {
        item.put("info", info(e.getKey(), both.get("info"), false));
      }
      if (parts.contains("status")) {
        item.put("status", confluentStatus(e.getKey(), both.get("status")));
      }
      out.put(e.getKey(), item);
    }
    return Reply.json(200, out);
  }

  private Reply create(Request r) {
    requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    Object name = body.get("name");
    if (!(name instanceof String n) || n.isEmpty()) {
      return Reply.json(
          400, Json.map("code", 400L, "message", "Connector name is required in the request body"));
    }
    Map<String, String> config = Json.stringMap(body.get("config"));
    if (config == null || config.isEmpty()) {
      return Reply.json(
          400, Json.map("code", 400L, "message", "Connector configuration is required"));
    }
    String masked = maskedKey(config);
    if (masked != null) {
      return Reply.json(
          400,
          Json.map(
              "code",
              400L,
              "message",
              masked + ": the value " + MASK + " is not a valid value; send the real secret"));
    }
    if (worker.get(ConnectWorker.connectorPath(n, "")).ok()) {
      return Reply.json(
          409, Json.map("error_code", 409L, "message", "Connector " + n + " already exists"));
    }
    Map<String, String> toWorker = forWorker(n, config);
    Answer a = worker.call("POST", "/connectors", Json.map("name", n, "config", toWorker));
    if (a.status() == 409) {
      return Reply.json(409, Json.map("error_code", 409L, "message", a.message()));
    }
    if (!a.ok()) {
      return a.status() == 400
          ? Reply.json(400, Json.map("code", 400L, "message", a.message()))
          : Reply.json(500, Json.map("error_code", (long) a.status(), "message", a.message()));
    }
    managed.put(n, new Managed(newId(), Instant.now(), false, null));
    List<Object> offsets = Json.list(body.get("offsets"));
    Map<String, Object> out = info(n, a.body(), true);
    if (!offsets.isEmpty()) {
      out.put("offsets", offsets);
    }
    return Reply.json(201, out);
  }

  private Reply putConfig(Request r) {
    requireCluster(r);
    String name = r.param(2);
    Map<String, String> config = Json.stringMap(r.json());
    if (config == null || config.isEmpty()) {
      throw fail(400, "The body must be the whole connector configuration");
    }
    String masked = maskedKey(config);
    if (masked != null) {
      throw fail(
          400, masked + ": the value " + MASK + " is not a valid value; send the real secret");
    }
    Answer a =
        worker.call("PUT", ConnectWorker.connectorPath(name, "/config"), forWorker(name, config));
    if (a.status() >= 500) {
      // Create and config upsert pass the worker's own body through on a 500, as Confluent does.
      return Reply.json(500, Json.map("error_code", (long) a.status(), "message", a.message()));
    }
    if (!a.ok()) {
      throw fail(a.status(), a.message());
    }
    if (a.status() == 201) {
      managed.put(name, new Managed(newId(), Instant.now(), false, null));
    }
    return Reply.json(200, info(name, a.body(), true));
  }

  private Reply restart(Request r) {
    Map<String, Object> status = status(r);
    String state = Json.str(Json.obj(status.get("connector")).get("state"));
    if (!"RUNNING".equals(state)) {
      throw fail(
          400,
          "connector "
              + r.param(2)
              + " is in state "
              + state
              + "; only RUNNING connectors can be restarted");
    }
    call(r, "POST", "/restart?includeTasks=true&onlyFailed=false", null);
    return Reply.empty(202);
  }

  private Reply requestOffsets(Request r) {
    String name = r.param(2);
    call(r, "GET", "", null);
    Map<String, Object> body = Json.obj(r.json());
    String type = Json.str(body.get("type"));
    if (!"PATCH".equals(type) && !"DELETE".equals(type)) {
      throw fail(400, "type must be PATCH or DELETE");
    }
    Managed m = managed(name);
    if (m.offsetsRequest() != null
        && "PENDING".equals(Json.str(Json.obj(m.offsetsRequest().get("status")).get("phase")))) {
      throw fail(400, "Another offsets request for connector " + name + " is still being applied");
    }
    List<Object> offsets = "DELETE".equals(type) ? List.of() : Json.list(body.get("offsets"));
    Map<String, Object> info =
        Json.map(
            "id", m.id(), "name", name, "type", type, "offsets", offsets, "requested_at", now());
    Object previous =
        Json.obj(worker.get(ConnectWorker.connectorPath(name, "/offsets")).body()).get("offsets");
    managed.put(
        name,
        m.withOffsetsRequest(
            Json.map(
                "request",
                info,
                "status",
                Json.map("phase", "PENDING"),
                "previous_offsets",
                Json.list(previous),
                "applied_at",
                null)));
    Thread t =
        new Thread(
            () -> applyOffsets(name, info, Json.list(previous)), "confluent-offsets-" + name);
    t.setDaemon(true);
    t.start();
    return Reply.json(202, info);
  }

  /** As Confluent does it: stop the connector, change its offsets, and start it again. */
  private void applyOffsets(String name, Map<String, Object> info, List<Object> previous) {
    String phase = "APPLIED";
    String message = null;
    try {
      worker.call("PUT", ConnectWorker.connectorPath(name, "/stop"), null);
      awaitWorkerState(name, "STOPPED", Duration.ofSeconds(30));
      Answer a =
          "DELETE".equals(info.get("type"))
              ? worker.call("DELETE", ConnectWorker.connectorPath(name, "/offsets"), null)
              : worker.call(
                  "PATCH",
                  ConnectWorker.connectorPath(name, "/offsets"),
                  Json.map("offsets", info.get("offsets")));
      if (!a.ok()) {
        phase = "FAILED";
        message = a.message();
      }
    } catch (RuntimeException e) {
      phase = "FAILED";
      message = e.getMessage();
    } finally {
      worker.call("PUT", ConnectWorker.connectorPath(name, "/resume"), null);
    }
    Map<String, Object> status = Json.map("phase", phase);
    if (message != null) {
      status.put("message", message);
    }
    Managed m = managed(name);
    managed.put(
        name,
        m.withOffsetsRequest(
            Json.map(
                "request",
                info,
                "status",
                status,
                "previous_offsets",
                previous,
                "applied_at",
                "APPLIED".equals(phase) ? now() : null)));
  }

  private void awaitWorkerState(String name, String state, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
      if (state.equals(Json.str(Json.obj(Json.obj(a.body()).get("connector")).get("state")))) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException(
        "connector " + name + " did not reach " + state + " within " + timeout);
  }

  private Map<String, Object> status(Request r) {
    requireCluster(r);
    String name = r.param(2);
    Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
    if (a.status() == 404 && managed.containsKey(name) && !managed.get(name).provisioned()) {
      return Json.map(
          "name",
          name,
          "type",
          "source",
          "connector",
          Json.map("state", "PROVISIONING", "worker_id", name, "trace", ""),
          "tasks",
          List.of());
    }
    if (!a.ok()) {
      throw fail(a.status(), a.message());
    }
    return confluentStatus(name, a.body());
  }

  /**
   * The worker's status in Confluent's words, with PROVISIONING for a connector that has not
   * started yet.
   */
  private Map<String, Object> confluentStatus(String name, Object workerStatus) {
    Map<String, Object> s = Json.obj(workerStatus);
    Map<String, Object> connector = Json.obj(s.get("connector"));
    String state = Objects.requireNonNullElse(Json.str(connector.get("state")), "NONE");
    List<Object> tasks = new ArrayList<>();
    int failed = 0;
    int running = 0;
    String firstTaskTrace = "";
    for (Object t : Json.list(s.get("tasks"))) {
      Map<String, Object> task = Json.obj(t);
      String taskState = Json.str(task.get("state"));
      String trace = Objects.requireNonNullElse(Json.str(task.get("trace")), "");
      if ("FAILED".equals(taskState)) {
        failed++;
        if (firstTaskTrace.isEmpty()) {
          firstTaskTrace = trace;
        }
      } else if ("RUNNING".equals(taskState)) {
        running++;
      }
      tasks.add(
          Json.map(
              "id",
              task.get("id"),
              "state",
              taskState,
              "worker_id",
              name,
              "msg",
              firstLine(trace)));
    }
    String trace = Objects.requireNonNullElse(Json.str(connector.get("trace")), "");
    String confluent =
        switch (state) {
          case "RUNNING" -> {
            if (!tasks.isEmpty() && failed == tasks.size()) {
              trace = trace.isEmpty() ? firstTaskTrace : trace;
              yield "FAILED";
            }
            yield failed > 0 ? "DEGRADED" : "RUNNING";
          }
          case "STOPPED" -> "PAUSED";
          case "UNASSIGNED" -> "PROVISIONING";
          default -> state;
        };
    Managed m = managed.get(name);
    if (m != null && !m.provisioned()) {
      boolean started = "RUNNING".equals(confluent) && !tasks.isEmpty() && running == tasks.size();
      boolean settled =
          started
              || "FAILED".equals(confluent)
              || "DEGRADED".equals(confluent)
              || "PAUSED".equals(confluent);
      boolean minimumOver =
          Duration.between(m.createdAt(), Instant.now()).compareTo(settings.provisioning()) >= 0;
      if (settled && minimumOver) {
        managed.put(name, m.markProvisioned());
      } else if (!"FAILED".equals(confluent)) {
        confluent = "PROVISIONING";
      }
    }
    return Json.map(
        "name",
        name,
        "type",
        type(name, s.get("type")),
        "connector",
        Json.map("state", confluent, "worker_id", name, "trace", trace),
        "tasks",
        tasks);
  }

  /**
   * Confluent knows only source and sink; the worker says {@code unknown} while a connector is
   * being deleted or its class cannot be loaded. The last type seen is kept and used then.
   */
  private String type(String name, Object workerType) {
    String t = Json.str(workerType);
    if ("source".equals(t) || "sink".equals(t)) {
      types.put(name, t);
      return t;
    }
    return types.getOrDefault(name, "source");
  }

  private static String firstLine(String trace) {
    int nl = trace.indexOf('\n');
    return nl < 0 ? trace : trace.substring(0, nl);
  }

  private Map<String, Object> info(String name, Object workerInfo, boolean withTasks) {
    Map<String, Object> i = Json.obj(workerInfo);
    Map<String, Object> out =
        Json.map(
            "name",
            i.get("name") == null ? name : i.get("name"),
            "config",
            readConfig(name, i.get("config")));
    if (withTasks) {
      out.put("tasks", i.get("tasks") == null ? List.of() : i.get("tasks"));
    }
    if (i.get("type") != null && Set.of("source", "sink").contains(String.valueOf(i.get("type")))) {
      out.put("type", type(name, i.get("type")));
    }
    return out;
  }

  /** A config as Confluent shows it: the cloud's own keys added, every secret masked. */
  private Map<String, Object> readConfig(String name, Object config) {
    Map<String, String> c = Json.stringMap(config);
    Map<String, Object> out = new TreeMap<>(mask(name, c == null ? Map.of() : c));
    out.put("cloud.environment", settings.environmentId());
    out.put("cloud.provider", "local");
    out.put("kafka.endpoint", "PLAINTEXT://" + settings.bootstrapServers());
    out.put("kafka.region", "local");
    return out;
  }

  private Map<String, Object> mask(String name, Map<String, String> config) {
    Set<String> secret = secretKeys(config.get("connector.class"));
    Map<String, Object> out = new TreeMap<>();
    config.forEach(
        (k, v) -> out.put(k, v != null && !v.isEmpty() && isSecret(k, secret) ? MASK : v));
    return out;
  }

  private static boolean isSecret(String key, Set<String> pluginSecrets) {
    String k = key.toLowerCase(Locale.ROOT);
    return pluginSecrets.contains(key)
        || k.contains("password")
        || k.contains("secret")
        || k.endsWith("sasl.jaas.config")
        || k.endsWith(".token");
  }

  /** The keys a plugin declares as PASSWORD, asked from the worker once per class. */
  private Set<String> secretKeys(String connectorClass) {
    if (connectorClass == null || connectorClass.isEmpty()) {
      return Set.of();
    }
    return passwordKeys.computeIfAbsent(
        connectorClass,
        cls -> {
          Answer a = worker.get("/connector-plugins/" + ConnectWorker.encode(cls) + "/config");
          if (!a.ok()) {
            return Set.of();
          }
          Set<String> keys = new java.util.HashSet<>();
          for (Object d : Json.list(a.body())) {
            Map<String, Object> def = Json.obj(d);
            if ("PASSWORD".equals(def.get("type"))) {
              keys.add(Json.str(def.get("name")));
            }
          }
          return Set.copyOf(keys);
        });
  }

  private static String maskedKey(Map<String, String> config) {
    return config.entrySet().stream()
        .filter(e -> MASK.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(null);
  }

  /** The config the worker gets: the cloud's read-only keys left out, the name added. */
  private static Map<String, String> forWorker(String name, Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>(config);
    CONFLUENT_KEYS.forEach(out::remove);
    out.putIfAbsent("name", name);
    return out;
  }

  private Managed managed(String name) {
    return managed.computeIfAbsent(name, n -> new Managed(newId(), Instant.EPOCH, true, null));
  }

  private static String newId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    StringBuilder id = new StringBuilder("lcc-");
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private Answer call(Request r, String method, String suffix, Object body) {
    requireCluster(r);
    Answer a = worker.call(method, ConnectWorker.connectorPath(r.param(2), suffix), body);
    if (!a.ok()) {
      throw fail(a.status(), a.message());
    }
    return a;
  }

  private void requireCluster(Request r) {
    if (!settings.environmentId().equals(r.param(0)) || !settings.clusterId().equals(r.param(1))) {
      throw fail(404, "Kafka cluster " + r.param(1) + " not found in environment " + r.param(0));
    }
  }

  private static Reply.Failure fail(int status, String message) {
    return new Reply.Failure(errorReply(status, message));
  }

  /** Confluent's usual error body {@code {error: {code, message}}}; every 5xx becomes a 500. */
  private static Reply errorReply(int status, String message) {
    if (status >= 500) {
      return Reply.json(500, Json.map("error", Json.map("code", 500L, "message", message)));
    }
    int http =
        switch (status) {
          case 400, 401, 403, 404, 409, 429 -> status;
          default -> 400;
        };
    return Reply.json(http, Json.map("error", Json.map("code", (long) http, "message", message)));
  }

  @Override
  Reply notFound(Request request) {
    return errorReply(404, "Not found: " + request.method() + " " + request.path());
  }

  @Override
  Reply badRequest(String message) {
    return errorReply(400, message);
  }

  @Override
  Reply internal(String message) {
    return errorReply(500, message);
  }
}
