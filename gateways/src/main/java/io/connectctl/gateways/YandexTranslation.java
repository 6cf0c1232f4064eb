package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yandex's view of a connector and of changes to it: a stored spec as Yandex returns it (without
 * write-only secrets, with status and health from the worker), and a spec updated by a request and
 * its field mask.
 */
final class YandexTranslation {
  /** Fields Yandex accepts on writes and never returns. */
  private static final List<String> WRITE_ONLY =
      List.of("saslPassword", "sslTruststoreCertificates", "secretAccessKey");

  private final ConnectWorker worker;
  private final String clusterId;

  YandexTranslation(ConnectWorker worker, String clusterId) {
    this.worker = worker;
    this.clusterId = clusterId;
  }

  /**
   * A connector as Yandex returns it: the stored spec without write-only secrets, with status and
   * health.
   */
  Map<String, Object> view(String name, Map<String, Object> spec) {
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

  /**
   * {@code current} changed by an update request: every field of its {@code connectorSpec} when it
   * has no {@code updateMask}, else only the fields the mask names (a named field the request lacks
   * is cleared).
   */
  static Map<String, Object> updated(Map<String, Object> current, Map<String, Object> body) {
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
          throw YandexErrors.fail(
              3,
              "updateMask: '"
                  + p
                  + "' is not a field of the update request (paths start with connectorSpec.)");
        }
        applyPath(updated, changes, p.substring("connectorSpec.".length()).split("\\."));
      }
    }
    return updated;
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
}
