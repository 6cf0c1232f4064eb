package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

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
 */
public final class YandexGateway extends GatewayServer {
  private static final String SEG = "([^/]+)";
  private static final Pattern NAME = Pattern.compile("[-_.a-zA-Z0-9]{1,256}");
  private static final String TYPE_PREFIX = "type.googleapis.com/yandex.cloud.mdb.kafka.v1.";
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(90);

  /** Fields Yandex accepts on writes and never returns. */
  private static final List<String> WRITE_ONLY =
      List.of("saslPassword", "sslTruststoreCertificates", "secretAccessKey");

  private final ConnectWorker worker;
  private final String clusterId;
  private final String bootstrapServers;
  private final Map<String, Map<String, Object>> specs = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> operations = new ConcurrentHashMap<>();
  private final List<String> operationOrder =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> idempotency = new ConcurrentHashMap<>();
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t =
                new Thread(
                    () -> {
                      try {
                        r.run();
                      } catch (ConnectWorker.Unreachable | Reply.Failure e) {
                        // the gateway is closing, or the worker went away: the operation stays as
                        // it was
                      }
                    },
                    "yandex-operation");
            t.setDaemon(true);
            return t;
          });

  private YandexGateway(ConnectWorker worker, String clusterId, String bootstrapServers) {
    super("yandex");
    this.worker = worker;
    this.clusterId = clusterId;
    this.bootstrapServers = bootstrapServers;
    String base = "/managed-kafka/v1/clusters/" + SEG;
    route("GET", base + "/connectors", this::list);
    route("POST", base + "/connectors", this::create);
    route("POST", base + "/connectors/pause/" + SEG, r -> pauseOrResume(r, "Pause", "PAUSED"));
    route("POST", base + "/connectors/resume/" + SEG, r -> pauseOrResume(r, "Resume", "RUNNING"));
    route(
        "GET",
        base + "/connectors/" + SEG,
        r -> {
          requireCluster(r);
          return Reply.json(200, view(r.param(1), spec(r.param(1))));
        });
    route("PATCH", base + "/connectors/" + SEG, this::update);
    route("DELETE", base + "/connectors/" + SEG, this::delete);
    route("GET", base + "/operations", this::listOperations);
    route("GET", "/operations/([^/:]+):cancel", this::cancel);
    route("GET", "/operations/" + SEG, r -> Reply.json(200, operation(r.param(0))));
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
    background.shutdownNow();
    super.close();
  }

  // ---- connectors

  private Reply list(Request r) {
    requireCluster(r);
    int size = pageSize(r);
    String from = pageStart(r);
    List<Object> page = new ArrayList<>();
    String next = null;
    for (Map.Entry<String, Map<String, Object>> e :
        new TreeMap<>(specs).tailMap(from, true).entrySet()) {
      if (page.size() == size) {
        next = token(e.getKey());
        break;
      }
      page.add(view(e.getKey(), e.getValue()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (!page.isEmpty()) {
      out.put("connectors", page);
    }
    if (next != null) {
      out.put("nextPageToken", next);
    }
    return Reply.json(200, out);
  }

  private Reply create(Request r) {
    requireCluster(r);
    Reply earlier = repeated(r);
    if (earlier != null) {
      return earlier;
    }
    Map<String, Object> spec = Json.obj(Json.obj(r.json()).get("connectorSpec"));
    String name = Json.str(spec.get("name"));
    if (name == null || !NAME.matcher(name).matches()) {
      throw fail(
          3,
          "connectorSpec.name: a connector name of 1 to 256 letters, digits, '-', '_' or '.' is required");
    }
    List<String> kinds = new ArrayList<>();
    for (String kind :
        List.of(
            "connectorConfigMirrormaker", "connectorConfigS3Sink", "connectorConfigIcebergSink")) {
      if (spec.containsKey(kind)) {
        kinds.add(kind);
      }
    }
    if (kinds.size() != 1) {
      throw fail(
          3,
          "connectorSpec: exactly one of connectorConfigMirrormaker, connectorConfigS3Sink and "
              + "connectorConfigIcebergSink is required");
    }
    if (!kinds.get(0).equals("connectorConfigMirrormaker")) {
      String what = kinds.get(0).equals("connectorConfigS3Sink") ? "S3 sink" : "Iceberg sink";
      throw fail(
          9,
          what
              + " connectors cannot run on this local gateway: the local Kafka Connect worker has no "
              + what
              + " plugin (only MirrorMaker connectors are served)");
    }
    Map<String, Object> stored = new LinkedHashMap<>(spec);
    mirrorMakerConfig(name, stored);
    if (specs.putIfAbsent(name, stored) != null) {
      throw fail(6, "Connector " + name + " already exists");
    }
    Map<String, Object> op = newOperation(r, "Create", name);
    background.execute(
        () -> {
          Answer a =
              worker.call(
                  "POST",
                  "/connectors",
                  Json.map("name", name, "config", mirrorMakerConfig(name, stored)));
          if (!a.ok()) {
            specs.remove(name);
            finish(op, error(a.status() == 409 ? 6 : 3, a.message()), null);
            return;
          }
          awaitState(op, name, "RUNNING", true);
        });
    return Reply.json(200, op);
  }

  private Reply update(Request r) {
    requireCluster(r);
    String name = r.param(1);
    Reply earlier = repeated(r);
    if (earlier != null) {
      return earlier;
    }
    Map<String, Object> current = spec(name);
    Map<String, Object> body = Json.obj(r.json());
    Map<String, Object> changes = Json.obj(body.get("connectorSpec"));
    Map<String, Object> updated = deepCopy(current);
    String mask = Json.str(body.get("updateMask"));
    if (mask == null || mask.isBlank()) {
      // Without a mask every field the request carries is applied (inferred from protobuf
      // field-mask practice).
      changes.forEach(updated::put);
    } else {
      for (String path : mask.split(",")) {
        String p = path.trim();
        if (!p.startsWith("connectorSpec.")) {
          throw fail(
              3,
              "updateMask: '"
                  + p
                  + "' is not a field of the update request (paths start with connectorSpec.)");
        }
        applyPath(updated, changes, p.substring("connectorSpec.".length()).split("\\."));
      }
    }
    if (!updated.containsKey("connectorConfigMirrormaker")) {
      throw fail(3, "updateMask: the connector's MirrorMaker configuration cannot be removed");
    }
    Map<String, String> config = mirrorMakerConfig(name, updated);
    specs.put(name, updated);
    Map<String, Object> op = newOperation(r, "Update", name);
    background.execute(
        () -> {
          String target = workerState(name);
          Answer a = worker.call("PUT", ConnectWorker.connectorPath(name, "/config"), config);
          if (!a.ok()) {
            specs.put(name, current);
            finish(op, error(3, a.message()), null);
            return;
          }
          sleep(500);
          awaitState(op, name, "PAUSED".equals(target) ? "PAUSED" : "RUNNING", false);
        });
    return Reply.json(200, op);
  }

  /** Sets (or clears, when the request lacks it) the field at {@code path} of {@code target}. */
  private static void applyPath(
      Map<String, Object> target, Map<String, Object> source, String[] path) {
    Map<String, Object> t = target;
    Map<String, Object> s = source;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = t.get(path[i]);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        t.put(path[i], next);
      }
      t = Json.obj(next);
      s = Json.obj(s.get(path[i]));
    }
    String leaf = path[path.length - 1];
    if (s.containsKey(leaf)) {
      t.put(leaf, s.get(leaf));
    } else {
      t.remove(leaf);
    }
  }

  private Reply delete(Request r) {
    requireCluster(r);
    String name = r.param(1);
    Reply earlier = repeated(r);
    if (earlier != null) {
      return earlier;
    }
    spec(name);
    Map<String, Object> op = newOperation(r, "Delete", name);
    background.execute(
        () -> {
          Answer a = worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
          if (!a.ok() && a.status() != 404) {
            finish(op, error(13, a.message()), null);
            return;
          }
          long deadline = System.nanoTime() + OPERATION_TIMEOUT.toNanos();
          while (System.nanoTime() < deadline
              && worker.get(ConnectWorker.connectorPath(name, "/status")).ok()) {
            sleep(200);
          }
          specs.remove(name);
          finish(op, null, Json.map("@type", "type.googleapis.com/google.protobuf.Empty"));
        });
    return Reply.json(200, op);
  }

  private Reply pauseOrResume(Request r, String verb, String target) {
    requireCluster(r);
    String name = r.param(1);
    Reply earlier = repeated(r);
    if (earlier != null) {
      return earlier;
    }
    spec(name);
    Map<String, Object> op = newOperation(r, verb, name);
    background.execute(
        () -> {
          Answer a =
              worker.call(
                  "PUT",
                  ConnectWorker.connectorPath(name, "/" + verb.toLowerCase(java.util.Locale.ROOT)),
                  null);
          if (!a.ok()) {
            finish(op, error(9, a.message()), null);
            return;
          }
          awaitState(op, name, target, false);
        });
    return Reply.json(200, op);
  }

  /**
   * Finishes {@code op} once the connector and all its tasks are in {@code target}, or it failed.
   */
  private void awaitState(
      Map<String, Object> op, String name, String target, boolean rollBackOnFailure) {
    long deadline = System.nanoTime() + OPERATION_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
      if (a.ok()) {
        Map<String, Object> s = Json.obj(a.body());
        String state = Json.str(Json.obj(s.get("connector")).get("state"));
        String trace = Json.str(Json.obj(s.get("connector")).get("trace"));
        List<Object> tasks = Json.list(s.get("tasks"));
        for (Object t : tasks) {
          if ("FAILED".equals(Json.obj(t).get("state")) && trace == null) {
            trace = Json.str(Json.obj(t).get("trace"));
          }
        }
        boolean failed =
            "FAILED".equals(state)
                || tasks.stream().anyMatch(t -> "FAILED".equals(Json.obj(t).get("state")));
        if (failed) {
          String message = "connector \"" + name + "\" failed: " + firstLine(trace);
          if (rollBackOnFailure) {
            // As Yandex rolls a failed creation back: the error is visible while the connector is
            // removed.
            op.put("error", error(9, message));
            op.put("modifiedAt", now());
            worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
            specs.remove(name);
          }
          finish(op, error(9, message), null);
          return;
        }
        // Reached when the connector and every task it has been given are in the target state. A
        // MirrorMaker
        // connector with no matching topic yet runs with no tasks at all, so the count comes from
        // the task configs.
        int expectedTasks =
            Json.list(worker.get(ConnectWorker.connectorPath(name, "/tasks")).body()).size();
        boolean reached =
            target.equals(state)
                && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> target.equals(Json.obj(t).get("state")));
        if (reached) {
          Map<String, Object> response = new LinkedHashMap<>();
          response.put("@type", TYPE_PREFIX + "Connector");
          response.putAll(view(name, specs.getOrDefault(name, Map.of())));
          finish(op, null, response);
          return;
        }
      }
      sleep(200);
    }
    finish(
        op,
        error(
            4,
            "connector \""
                + name
                + "\" did not reach "
                + target
                + " within "
                + OPERATION_TIMEOUT.toSeconds()
                + " s"),
        null);
  }

  private String workerState(String name) {
    Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
    return Json.str(Json.obj(Json.obj(a.body()).get("connector")).get("state"));
  }

  private static String firstLine(String trace) {
    if (trace == null || trace.isEmpty()) {
      return "no trace";
    }
    int nl = trace.indexOf('\n');
    return nl < 0 ? trace : trace.substring(0, nl);
  }

  // ---- the Kafka Connect side of a MirrorMaker connector

  /**
   * The worker config of a MirrorMaker connector: a MirrorSourceConnector between the two clusters.
   */
  private Map<String, String> mirrorMakerConfig(String name, Map<String, Object> spec) {
    Map<String, Object> mm = Json.obj(spec.get("connectorConfigMirrormaker"));
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector");
    config.put("name", name);
    config.put("tasks.max", Objects.requireNonNullElse(Json.str(spec.get("tasksMax")), "1"));
    String topics = Json.str(mm.get("topics"));
    if (topics == null || topics.isBlank()) {
      throw fail(
          3,
          "connectorSpec.connectorConfigMirrormaker.topics: the topics to replicate are required");
    }
    config.put("topics", topics);
    config.put(
        "replication.factor",
        Objects.requireNonNullElse(Json.str(mm.get("replicationFactor")), "1"));
    cluster("source", Json.obj(mm.get("sourceCluster")), config);
    cluster("target", Json.obj(mm.get("targetCluster")), config);
    config.put("offset-syncs.topic.replication.factor", "1");
    config.put("sync.topic.acls.enabled", "false");
    config.put("refresh.topics.interval.seconds", "5");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    Map<String, String> properties = Json.stringMap(spec.get("properties"));
    if (properties != null) {
      config.putAll(properties);
    }
    return config;
  }

  private void cluster(String side, Map<String, Object> connection, Map<String, String> config) {
    String alias = Objects.requireNonNullElse(Json.str(connection.get("alias")), side);
    config.put(side + ".cluster.alias", alias);
    if (connection.containsKey("externalCluster")) {
      Map<String, Object> ext = Json.obj(connection.get("externalCluster"));
      String servers = Json.str(ext.get("bootstrapServers"));
      if (servers == null || servers.isBlank()) {
        throw fail(
            3,
            "connectorSpec.connectorConfigMirrormaker."
                + side
                + "Cluster.externalCluster.bootstrapServers is required");
      }
      String prefix = side + ".cluster.";
      config.put(prefix + "bootstrap.servers", servers);
      String protocol = Json.str(ext.get("securityProtocol"));
      if (protocol != null && !protocol.isEmpty()) {
        config.put(prefix + "security.protocol", protocol);
      }
      String mechanism = Json.str(ext.get("saslMechanism"));
      if (mechanism != null && !mechanism.isEmpty()) {
        config.put(prefix + "sasl.mechanism", mechanism);
        String module =
            mechanism.startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        config.put(
            prefix + "sasl.jaas.config",
            module
                + " required username=\""
                + Objects.requireNonNullElse(Json.str(ext.get("saslUsername")), "")
                + "\" password=\""
                + Objects.requireNonNullElse(Json.str(ext.get("saslPassword")), "")
                + "\";");
      }
    } else if (connection.containsKey("thisCluster")) {
      config.put(side + ".cluster.bootstrap.servers", bootstrapServers);
    } else {
      throw fail(
          3,
          "connectorSpec.connectorConfigMirrormaker."
              + side
              + "Cluster: one of thisCluster and externalCluster is required");
    }
  }

  // ---- reads

  private Map<String, Object> spec(String name) {
    Map<String, Object> spec = specs.get(name);
    if (spec == null) {
      throw fail(5, "Connector " + name + " not found");
    }
    return spec;
  }

  /**
   * A connector as Yandex returns it: the stored spec without write-only secrets, with status and
   * health.
   */
  private Map<String, Object> view(String name, Map<String, Object> spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    if (spec.get("tasksMax") != null) {
      out.put("tasksMax", Json.str(spec.get("tasksMax")));
    }
    Map<String, String> properties = Json.stringMap(spec.get("properties"));
    if (properties != null && !properties.isEmpty()) {
      out.put("properties", properties);
    }
    String[] state = yandexState(name);
    out.put("health", state[1]);
    out.put("status", state[0]);
    out.put("clusterId", clusterId);
    Object mm = spec.get("connectorConfigMirrormaker");
    if (mm != null) {
      out.put("connectorConfigMirrormaker", withoutSecrets(deepCopy(Json.obj(mm))));
    }
    return out;
  }

  /** {status, health} from the worker's view of the connector. */
  private String[] yandexState(String name) {
    Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
    if (!a.ok()) {
      return new String[] {"STATUS_UNKNOWN", "HEALTH_UNKNOWN"};
    }
    Map<String, Object> s = Json.obj(a.body());
    String state = Json.str(Json.obj(s.get("connector")).get("state"));
    boolean failedTask =
        Json.list(s.get("tasks")).stream().anyMatch(t -> "FAILED".equals(Json.obj(t).get("state")));
    if ("FAILED".equals(state) || failedTask) {
      return new String[] {"ERROR", "DEAD"};
    }
    return switch (state == null ? "" : state) {
      case "RUNNING" -> new String[] {"RUNNING", "ALIVE"};
      case "PAUSED" -> new String[] {"PAUSED", "ALIVE"};
      default -> new String[] {"STATUS_UNKNOWN", "HEALTH_UNKNOWN"};
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutSecrets(Map<String, Object> map) {
    WRITE_ONLY.forEach(map::remove);
    map.values()
        .forEach(
            v -> {
              if (v instanceof Map<?, ?> m) {
                withoutSecrets((Map<String, Object>) m);
              }
            });
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return out;
  }

  // ---- operations

  private Map<String, Object> newOperation(Request r, String verb, String connector) {
    String at = now();
    Map<String, Object> op = new ConcurrentHashMap<>();
    op.put("id", newId());
    op.put("description", verb + " Apache Kafka connector");
    op.put("createdAt", at);
    op.put("createdBy", "local-gateway");
    op.put("modifiedAt", at);
    op.put("done", false);
    op.put(
        "metadata",
        Json.map(
            "@type",
            TYPE_PREFIX + verb + "ConnectorMetadata",
            "clusterId",
            clusterId,
            "connectorName",
            connector));
    operations.put((String) op.get("id"), op);
    operationOrder.add((String) op.get("id"));
    String key = r.header("Idempotency-Key");
    if (key != null && !key.isBlank()) {
      idempotency.put(key, (String) op.get("id"));
    }
    return op;
  }

  /** The operation an earlier request with the same {@code Idempotency-Key} started, if any. */
  private Reply repeated(Request r) {
    String key = r.header("Idempotency-Key");
    String id = key == null ? null : idempotency.get(key);
    return id == null ? null : Reply.json(200, snapshot(operations.get(id)));
  }

  private void finish(
      Map<String, Object> op, Map<String, Object> error, Map<String, Object> response) {
    synchronized (op) {
      if (error != null) {
        op.put("error", error);
        op.remove("response");
      } else {
        op.remove("error");
        op.put("response", response);
      }
      op.put("modifiedAt", now());
      op.put("done", true);
    }
  }

  private Map<String, Object> operation(String id) {
    Map<String, Object> op = operations.get(id);
    if (op == null) {
      throw fail(5, "Operation " + id + " not found");
    }
    return snapshot(op);
  }

  /** A consistent copy in the usual field order. */
  private static Map<String, Object> snapshot(Map<String, Object> op) {
    synchronized (op) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String k :
          List.of(
              "id",
              "description",
              "createdAt",
              "createdBy",
              "modifiedAt",
              "done",
              "metadata",
              "error",
              "response")) {
        if (op.containsKey(k)) {
          out.put(k, op.get(k));
        }
      }
      return out;
    }
  }

  private Reply listOperations(Request r) {
    requireCluster(r);
    int size = pageSize(r);
    String token = r.queryParam("pageToken");
    int start = 0;
    if (token != null && !token.isEmpty()) {
      try {
        start =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw fail(3, "pageToken '" + token + "' is not valid");
      }
    }
    List<String> newestFirst;
    synchronized (operationOrder) {
      newestFirst = new ArrayList<>(operationOrder);
    }
    java.util.Collections.reverse(newestFirst);
    List<Object> page = new ArrayList<>();
    for (int i = start; i < newestFirst.size() && page.size() < size; i++) {
      page.add(snapshot(operations.get(newestFirst.get(i))));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (!page.isEmpty()) {
      out.put("operations", page);
    }
    if (start + page.size() < newestFirst.size()) {
      out.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  Integer.toString(start + page.size()).getBytes(StandardCharsets.UTF_8)));
    }
    return Reply.json(200, out);
  }

  private Reply cancel(Request r) {
    Map<String, Object> op = operation(r.param(0));
    throw fail(
        9,
        Boolean.TRUE.equals(op.get("done"))
            ? "Operation " + r.param(0) + " is already done"
            : "Operation " + r.param(0) + " cannot be cancelled");
  }

  // ---- helpers

  private static int pageSize(Request r) {
    String text = r.queryParam("pageSize");
    if (text == null || text.isEmpty()) {
      return 100;
    }
    try {
      int size = Integer.parseInt(text);
      if (size < 0 || size > 1000) {
        throw fail(3, "pageSize must be between 0 and 1000");
      }
      return size == 0 ? 100 : size;
    } catch (NumberFormatException e) {
      throw fail(3, "pageSize '" + text + "' is not a number");
    }
  }

  private static String pageStart(Request r) {
    String token = r.queryParam("pageToken");
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!decoded.startsWith("name:")) {
        throw new IllegalArgumentException(decoded);
      }
      return decoded.substring(5);
    } catch (IllegalArgumentException e) {
      throw fail(3, "pageToken '" + token + "' is not valid");
    }
  }

  private static String token(String name) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("name:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private void requireCluster(Request r) {
    if (!clusterId.equals(r.param(0))) {
      throw fail(5, "Cluster " + r.param(0) + " not found");
    }
  }

  private static String newId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuv";
    StringBuilder id = new StringBuilder("c9q");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 17; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> error(int code, String message) {
    return Json.map("code", (long) code, "message", message, "details", List.of());
  }

  private static Reply.Failure fail(int code, String message) {
    return new Reply.Failure(errorReply(code, message));
  }

  /** Yandex's error body, with the HTTP status of its gRPC code. */
  private static Reply errorReply(int code, String message) {
    int http =
        switch (code) {
          case 3, 9 -> 400;
          case 5 -> 404;
          case 6, 10 -> 409;
          case 7 -> 403;
          case 8 -> 429;
          case 14 -> 503;
          case 16 -> 401;
          default -> 500;
        };
    return Reply.json(http, error(code, message));
  }

  @Override
  Reply admit(Request request) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      return errorReply(16, "The token is missing or invalid");
    }
    return null;
  }

  @Override
  Reply notFound(Request request) {
    return errorReply(5, "Not found: " + request.method() + " " + request.path());
  }

  @Override
  Reply badRequest(String message) {
    return errorReply(3, message);
  }

  @Override
  Reply internal(String message) {
    return errorReply(13, message);
  }
}
