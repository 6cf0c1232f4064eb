package io.connectctl.gateways;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worker's answers in Redpanda's shapes: the Connect cluster, a ConnectorSpec, and a status
 * with the {@code holistic_state} and {@code errors} Redpanda computes.
 */
final class RedpandaTranslation {
  static final String HOLISTIC = "CONNECTOR_HOLISTIC_STATE_";

  private RedpandaTranslation() {}

  /** The Connect cluster named {@code name}, from the worker's root resource and plugins. */
  static Map<String, Object> cluster(String name, ConnectWorker worker) {
    Map<String, Object> info = Json.obj(RedpandaErrors.relay(worker.get("/")).body());
    List<Object> plugins = worker.pluginSummaries(false);
    return Json.map(
        "name",
        name,
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

  /** The worker's connector info in Redpanda's ConnectorSpec shape. */
  static Map<String, Object> connectorSpec(Object info) {
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
}
