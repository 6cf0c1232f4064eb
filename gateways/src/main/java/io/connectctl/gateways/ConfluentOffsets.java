package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import io.connectctl.gateways.GatewayServer.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The handlers of a connector's offsets on Confluent: reading them, requesting a change (PATCH or
 * DELETE, applied in the background as Confluent does: stop, change, start again) and reading the
 * state of the latest request.
 */
final class ConfluentOffsets {
  private final ConfluentCluster cluster;
  private final ConnectWorker worker;
  private final ConfluentStore store;

  ConfluentOffsets(ConfluentCluster cluster, ConfluentStore store) {
    this.cluster = cluster;
    this.worker = cluster.worker();
    this.store = store;
  }

  Reply get(Request r) {
    Object body = cluster.call(r, "GET", "/offsets", null).body();
    return Reply.json(
        200,
        Json.map(
            "name",
            r.param(2),
            "id",
            store.get(r.param(2)).id(),
            "offsets",
            Json.list(Json.obj(body).get("offsets")),
            "metadata",
            Json.map("observed_at", now())));
  }

  Reply request(Request r) {
    String name = r.param(2);
    cluster.call(r, "GET", "", null);
    Map<String, Object> body = Json.obj(r.json());
    String type = Json.str(body.get("type"));
    if (!"PATCH".equals(type) && !"DELETE".equals(type)) {
      throw ConfluentErrors.fail(400, "type must be PATCH or DELETE");
    }
    ConfluentStore.Managed m = store.get(name);
    if (m.offsetsRequest() != null
        && "PENDING".equals(Json.str(Json.obj(m.offsetsRequest().get("status")).get("phase")))) {
      throw ConfluentErrors.fail(
          400, "Another offsets request for connector " + name + " is still being applied");
    }
    List<Object> offsets = "DELETE".equals(type) ? List.of() : Json.list(body.get("offsets"));
    Map<String, Object> info =
        Json.map(
            "id", m.id(), "name", name, "type", type, "offsets", offsets, "requested_at", now());
    List<Object> previous =
        Json.list(
            Json.obj(worker.get(ConnectWorker.connectorPath(name, "/offsets")).body())
                .get("offsets"));
    store.putOffsetsRequest(name, requestState(info, Json.map("phase", "PENDING"), previous, null));
    Thread t = new Thread(() -> apply(name, info, previous), "confluent-offsets-" + name);
    t.setDaemon(true);
    t.start();
    return Reply.json(202, info);
  }

  Reply requestStatus(Request r) {
    cluster.call(r, "GET", "", null);
    Map<String, Object> request = store.get(r.param(2)).offsetsRequest();
    if (request == null) {
      throw ConfluentErrors.fail(404, "No offsets request was made for connector " + r.param(2));
    }
    return Reply.json(200, request);
  }

  /** What Confluent shows of an offsets request: the request, its phase, the offsets before. */
  private static Map<String, Object> requestState(
      Map<String, Object> info,
      Map<String, Object> status,
      List<Object> previous,
      String appliedAt) {
    return Json.map(
        "request", info, "status", status, "previous_offsets", previous, "applied_at", appliedAt);
  }

  /** As Confluent does it: stop the connector, change its offsets, and start it again. */
  private void apply(String name, Map<String, Object> info, List<Object> previous) {
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
    store.putOffsetsRequest(
        name, requestState(info, status, previous, "APPLIED".equals(phase) ? now() : null));
  }

  private void awaitWorkerState(String name, String state, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (state.equals(worker.connectorState(name))) {
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

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
