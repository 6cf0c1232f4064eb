package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Translates between the worker's words and Confluent's: connector info and configs (the cloud's
 * own keys added, secrets masked), statuses (PROVISIONING, DEGRADED, PAUSED for STOPPED, ...), and
 * the config the worker gets from a Confluent request (the cloud's keys left out).
 */
final class ConfluentTranslation {
  private static final Set<String> CONFLUENT_KEYS =
      Set.of("cloud.environment", "cloud.provider", "kafka.endpoint", "kafka.region");

  private final ConnectWorker worker;
  private final ConfluentGateway.Settings settings;
  private final ConfluentStore store;
  private final Map<String, Set<String>> passwordKeys = new ConcurrentHashMap<>();
  private final Map<String, String> types = new ConcurrentHashMap<>();

  ConfluentTranslation(
      ConnectWorker worker, ConfluentGateway.Settings settings, ConfluentStore store) {
    this.worker = worker;
    this.settings = settings;
    this.store = store;
  }

  /** The status of a connector that was just created and that the worker does not know yet. */
  static Map<String, Object> provisioningStatus(String name) {
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

  /**
   * The worker's status in Confluent's words, with PROVISIONING for a connector that has not
   * started yet.
   */
  Map<String, Object> status(String name, Object workerStatus) {
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
              ConnectWorker.firstLine(trace)));
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
    ConfluentStore.Managed m = store.find(name);
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
        store.markProvisioned(name, m);
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

  /** The worker's connector info as Confluent shows it ({@code tasks} only when asked for). */
  Map<String, Object> info(String name, Object workerInfo, boolean withTasks) {
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
  Map<String, Object> readConfig(String name, Object config) {
    Map<String, String> c = Json.stringMap(config);
    Map<String, Object> out = new TreeMap<>(mask(name, c == null ? Map.of() : c));
    out.put("cloud.environment", settings.environmentId());
    out.put("cloud.provider", "local");
    out.put("kafka.endpoint", "PLAINTEXT://" + settings.bootstrapServers());
    out.put("kafka.region", "local");
    return out;
  }

  /** {@code config} with every secret value replaced by {@link ConfluentGateway#MASK}. */
  Map<String, Object> mask(String name, Map<String, String> config) {
    Set<String> secret = secretKeys(config.get("connector.class"));
    Map<String, Object> out = new TreeMap<>();
    config.forEach(
        (k, v) ->
            out.put(
                k, v != null && !v.isEmpty() && isSecret(k, secret) ? ConfluentGateway.MASK : v));
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
          Set<String> keys = new HashSet<>();
          for (Object d : Json.list(a.body())) {
            Map<String, Object> def = Json.obj(d);
            if ("PASSWORD".equals(def.get("type"))) {
              keys.add(Json.str(def.get("name")));
            }
          }
          return Set.copyOf(keys);
        });
  }

  /**
   * The first key (in name order) whose value is the mask, sent back as if it were the secret; null
   * when there is none.
   */
  static String maskedKey(Map<String, String> config) {
    return config.entrySet().stream()
        .filter(e -> ConfluentGateway.MASK.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(null);
  }

  /** The message refusing a config that sends the mask back for {@code key}. */
  static String maskSentBack(String key) {
    return key
        + ": the value "
        + ConfluentGateway.MASK
        + " is not a valid value; send the real secret";
  }

  /** The config the worker gets: the cloud's read-only keys left out, the name added. */
  static Map<String, String> forWorker(String name, Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>(config);
    CONFLUENT_KEYS.forEach(out::remove);
    out.putIfAbsent("name", name);
    return out;
  }
}
