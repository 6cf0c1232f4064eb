package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import io.connectctl.gateways.GatewayServer.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The handlers of Confluent's connector resource ({@code .../connectors} and {@code
 * .../connectors/NAME} with its config, pause, resume, restart, status and tasks), plus the
 * connector plugins of the cluster.
 */
final class ConfluentConnectors {
  private final ConfluentCluster cluster;
  private final ConnectWorker worker;
  private final ConfluentStore store;
  private final ConfluentTranslation translation;

  ConfluentConnectors(
      ConfluentCluster cluster, ConfluentStore store, ConfluentTranslation translation) {
    this.cluster = cluster;
    this.worker = cluster.worker();
    this.store = store;
    this.translation = translation;
  }

  Reply list(Request r) {
    cluster.require(r);
    String expand = r.queryParam("expand");
    TreeMap<String, Object> all = new TreeMap<>(worker.expanded());
    if (expand == null) {
      return Reply.json(200, new ArrayList<>(all.keySet()));
    }
    Set<String> parts = Set.of(expand.split(","));
    for (String part : parts) {
      if (!Set.of("id", "info", "status").contains(part)) {
        throw ConfluentErrors.fail(
            400, "expand: unknown part '" + part + "' (use id, info, status)");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      Map<String, Object> both = Json.obj(e.getValue());
      Map<String, Object> item = new LinkedHashMap<>();
      if (parts.contains("id")) {
        item.put("id", Json.map("id", store.get(e.getKey()).id(), "id_type", "ID"));
      }
      if (parts.contains("info")) {
        item.put("info", translation.info(e.getKey(), both.get("info"), false));
      }
      if (parts.contains("status")) {
        item.put("status", translation.status(e.getKey(), both.get("status")));
      }
      out.put(e.getKey(), item);
    }
    return Reply.json(200, out);
  }

  Reply create(Request r) {
    cluster.require(r);
    Map<String, Object> body = Json.obj(r.json());
    Object name = body.get("name");
    if (!(name instanceof String n) || n.isEmpty()) {
      return ConfluentErrors.flat400("Connector name is required in the request body");
    }
    Map<String, String> config = Json.stringMap(body.get("config"));
    if (config == null || config.isEmpty()) {
      return ConfluentErrors.flat400("Connector configuration is required");
    }
    String masked = ConfluentTranslation.maskedKey(config);
    if (masked != null) {
      return ConfluentErrors.flat400(ConfluentTranslation.maskSentBack(masked));
    }
    if (worker.get(ConnectWorker.connectorPath(n, "")).ok()) {
      return ConfluentErrors.passedThrough(409, 409, "Connector " + n + " already exists");
    }
    Map<String, String> toWorker = ConfluentTranslation.forWorker(n, config);
    Answer a = worker.call("POST", "/connectors", Json.map("name", n, "config", toWorker));
    if (a.status() == 409) {
      return ConfluentErrors.passedThrough(409, 409, a.message());
    }
    if (!a.ok()) {
      return a.status() == 400
          ? ConfluentErrors.flat400(a.message())
          : ConfluentErrors.passedThrough(500, a.status(), a.message());
    }
    store.created(n);
    List<Object> offsets = Json.list(body.get("offsets"));
    Map<String, Object> out = translation.info(n, a.body(), true);
    if (!offsets.isEmpty()) {
      out.put("offsets", offsets);
    }
    return Reply.json(201, out);
  }

  Reply get(Request r) {
    return Reply.json(
        200, translation.info(r.param(2), cluster.call(r, "GET", "", null).body(), true));
  }

  Reply delete(Request r) {
    cluster.call(r, "DELETE", "", null);
    store.remove(r.param(2));
    return Reply.json(200, Json.map("error", null));
  }

  Reply getConfig(Request r) {
    return Reply.json(
        200, translation.readConfig(r.param(2), cluster.call(r, "GET", "/config", null).body()));
  }

  Reply putConfig(Request r) {
    cluster.require(r);
    String name = r.param(2);
    Map<String, String> config = Json.stringMap(r.json());
    if (config == null || config.isEmpty()) {
      throw ConfluentErrors.fail(400, "The body must be the whole connector configuration");
    }
    String masked = ConfluentTranslation.maskedKey(config);
    if (masked != null) {
      throw ConfluentErrors.fail(400, ConfluentTranslation.maskSentBack(masked));
    }
    Answer a =
        worker.call(
            "PUT",
            ConnectWorker.connectorPath(name, "/config"),
            ConfluentTranslation.forWorker(name, config));
    if (a.status() >= 500) {
      // Create and config upsert pass the worker's own body through on a 500, as Confluent does.
      return ConfluentErrors.passedThrough(500, a.status(), a.message());
    }
    ConfluentErrors.relay(a);
    if (a.status() == 201) {
      store.created(name);
    }
    return Reply.json(200, translation.info(name, a.body(), true));
  }

  Reply pause(Request r) {
    cluster.call(r, "PUT", "/pause", null);
    return Reply.empty(202);
  }

  Reply resume(Request r) {
    cluster.call(r, "PUT", "/resume", null);
    return Reply.empty(202);
  }

  Reply restart(Request r) {
    Map<String, Object> status = statusOf(r);
    String state = Json.str(Json.obj(status.get("connector")).get("state"));
    if (!"RUNNING".equals(state)) {
      throw ConfluentErrors.fail(
          400,
          "connector "
              + r.param(2)
              + " is in state "
              + state
              + "; only RUNNING connectors can be restarted");
    }
    cluster.call(r, "POST", "/restart?includeTasks=true&onlyFailed=false", null);
    return Reply.empty(202);
  }

  Reply status(Request r) {
    return Reply.json(200, statusOf(r));
  }

  private Map<String, Object> statusOf(Request r) {
    cluster.require(r);
    String name = r.param(2);
    Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
    ConfluentStore.Managed m = store.find(name);
    if (a.status() == 404 && m != null && !m.provisioned()) {
      return ConfluentTranslation.provisioningStatus(name);
    }
    ConfluentErrors.relay(a);
    return translation.status(name, a.body());
  }

  Reply tasks(Request r) {
    List<Object> tasks = new ArrayList<>();
    for (Object t : Json.list(cluster.call(r, "GET", "/tasks", null).body())) {
      Map<String, Object> task = Json.obj(t);
      tasks.add(
          Json.map(
              "id",
              task.get("id"),
              "config",
              translation.mask(r.param(2), Json.stringMap(task.get("config")))));
    }
    return Reply.json(200, tasks);
  }

  Reply plugins(Request r) {
    cluster.require(r);
    return Reply.json(200, worker.pluginSummaries(true));
  }

  Reply validate(Request r) {
    cluster.require(r);
    Map<String, String> config = Json.stringMap(r.json());
    if (config == null) {
      throw ConfluentErrors.fail(400, "The body must be a configuration object");
    }
    Answer a =
        worker.call(
            "PUT",
            "/connector-plugins/" + ConnectWorker.encode(r.param(2)) + "/config/validate",
            config);
    return Reply.json(200, ConfluentErrors.relay(a).body());
  }
}
