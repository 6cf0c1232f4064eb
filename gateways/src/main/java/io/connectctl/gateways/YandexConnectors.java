package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import io.connectctl.gateways.GatewayServer.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The handlers of Yandex's connector service. Reads answer from the stored specs and the worker;
 * every mutation answers an Operation at once (or the operation an earlier request with the same
 * idempotency key started) and finishes it in the background when the worker reports the state the
 * change leads to, or with an error when the worker refuses the change or the connector fails. The
 * path names the cluster in parameter 0 and the connector in parameter 1.
 */
final class YandexConnectors implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[-_.a-zA-Z0-9]{1,256}");
  private static final String TYPE_PREFIX = "type.googleapis.com/yandex.cloud.mdb.kafka.v1.";
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(90);

  private final ConnectWorker worker;
  private final String clusterId;
  private final SpecStore specs;
  private final OperationStore operations;
  private final YandexTranslation translation;
  private final MirrorMakerTranslation mirrorMaker;
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

  YandexConnectors(
      ConnectWorker worker,
      String clusterId,
      OperationStore operations,
      MirrorMakerTranslation mirrorMaker) {
    this.worker = worker;
    this.clusterId = clusterId;
    this.specs = new SpecStore();
    this.operations = operations;
    this.translation = new YandexTranslation(worker, clusterId);
    this.mirrorMaker = mirrorMaker;
  }

  /** Stops the background work of unfinished operations. */
  @Override
  public void close() {
    background.shutdownNow();
  }

  // ---- reads

  Reply list(Request r) {
    YandexGateway.requireCluster(r, clusterId);
    int size = YandexPaging.pageSize(r);
    String from = YandexPaging.nameStart(r);
    List<Object> page = new ArrayList<>();
    String next = null;
    for (Map.Entry<String, Map<String, Object>> e : specs.sorted().tailMap(from, true).entrySet()) {
      if (page.size() == size) {
        next = YandexPaging.nameToken(e.getKey());
        break;
      }
      page.add(translation.view(e.getKey(), e.getValue()));
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

  Reply get(Request r) {
    YandexGateway.requireCluster(r, clusterId);
    return Reply.json(200, translation.view(r.param(1), specs.get(r.param(1))));
  }

  // ---- mutations

  /** What a mutation changes: the connector it names and the work that finishes its operation. */
  private record Change(String connector, Work work) {}

  /** The background work of one operation. */
  @FunctionalInterface
  private interface Work {
    void finish(Map<String, Object> op);
  }

  /**
   * Answers a mutation: the earlier operation for a repeated request, else a new {@code verb}
   * operation whose work runs in the background. {@code prepare} checks the request (failing it
   * before any operation exists) and returns the change.
   */
  private Reply operate(Request r, String verb, Supplier<Change> prepare) {
    YandexGateway.requireCluster(r, clusterId);
    Reply earlier = operations.repeated(r);
    if (earlier != null) {
      return earlier;
    }
    Change change = prepare.get();
    Map<String, Object> op = operations.start(r, verb, clusterId, change.connector());
    background.execute(() -> change.work().finish(op));
    return Reply.json(200, op);
  }

  Reply create(Request r) {
    return operate(r, "Create", () -> prepareCreate(r));
  }

  private Change prepareCreate(Request r) {
    Map<String, Object> spec = Json.obj(Json.obj(r.json()).get("connectorSpec"));
    String name = Json.str(spec.get("name"));
    if (name == null || !NAME.matcher(name).matches()) {
      throw YandexErrors.fail(
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
      throw YandexErrors.fail(
          3,
          "connectorSpec: exactly one of connectorConfigMirrormaker, connectorConfigS3Sink and "
              + "connectorConfigIcebergSink is required");
    }
    if (!kinds.get(0).equals("connectorConfigMirrormaker")) {
      String what = kinds.get(0).equals("connectorConfigS3Sink") ? "S3 sink" : "Iceberg sink";
      throw YandexErrors.fail(
          9,
          what
              + " connectors cannot run on this local gateway: the local Kafka Connect worker has no "
              + what
              + " plugin (only MirrorMaker connectors are served)");
    }
    Map<String, Object> stored = new LinkedHashMap<>(spec);
    mirrorMaker.workerConfig(name, stored);
    if (!specs.add(name, stored)) {
      throw YandexErrors.fail(6, "Connector " + name + " already exists");
    }
    return new Change(
        name,
        op -> {
          Answer a =
              worker.call(
                  "POST",
                  "/connectors",
                  Json.map("name", name, "config", mirrorMaker.workerConfig(name, stored)));
          if (!a.ok()) {
            specs.remove(name);
            OperationStore.finish(
                op, YandexErrors.body(a.status() == 409 ? 6 : 3, a.message()), null);
            return;
          }
          awaitState(op, name, "RUNNING", true);
        });
  }

  Reply update(Request r) {
    String name = r.param(1);
    return operate(r, "Update", () -> prepareUpdate(r, name));
  }

  private Change prepareUpdate(Request r, String name) {
    Map<String, Object> current = specs.get(name);
    Map<String, Object> updated = YandexTranslation.updated(current, Json.obj(r.json()));
    if (!updated.containsKey("connectorConfigMirrormaker")) {
      throw YandexErrors.fail(
          3, "updateMask: the connector's MirrorMaker configuration cannot be removed");
    }
    Map<String, String> config = mirrorMaker.workerConfig(name, updated);
    specs.put(name, updated);
    return new Change(
        name,
        op -> {
          String target = worker.connectorState(name);
          Answer a = worker.call("PUT", ConnectWorker.connectorPath(name, "/config"), config);
          if (!a.ok()) {
            specs.put(name, current);
            OperationStore.finish(op, YandexErrors.body(3, a.message()), null);
            return;
          }
          sleep(500);
          awaitState(op, name, "PAUSED".equals(target) ? "PAUSED" : "RUNNING", false);
        });
  }

  Reply delete(Request r) {
    String name = r.param(1);
    return operate(
        r,
        "Delete",
        () -> {
          specs.get(name);
          return new Change(name, op -> finishDelete(op, name));
        });
  }

  private void finishDelete(Map<String, Object> op, String name) {
    Answer a = worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
    if (!a.ok() && a.status() != 404) {
      OperationStore.finish(op, YandexErrors.body(13, a.message()), null);
      return;
    }
    long deadline = System.nanoTime() + OPERATION_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline
        && worker.get(ConnectWorker.connectorPath(name, "/status")).ok()) {
      sleep(200);
    }
    specs.remove(name);
    OperationStore.finish(op, null, Json.map("@type", "type.googleapis.com/google.protobuf.Empty"));
  }

  /** The handler of {@code POST .../connectors/VERB/NAME} (Pause or Resume). */
  GatewayServer.Handler pauseOrResume(String verb, String target) {
    return r -> {
      String name = r.param(1);
      return operate(
          r,
          verb,
          () -> {
            specs.get(name);
            return new Change(
                name,
                op -> {
                  Answer a =
                      worker.call(
                          "PUT",
                          ConnectWorker.connectorPath(name, "/" + verb.toLowerCase(Locale.ROOT)),
                          null);
                  if (!a.ok()) {
                    OperationStore.finish(op, YandexErrors.body(9, a.message()), null);
                    return;
                  }
                  awaitState(op, name, target, false);
                });
          });
    };
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
          String message =
              "connector \""
                  + name
                  + "\" failed: "
                  + (trace == null || trace.isEmpty()
                      ? "no trace"
                      : ConnectWorker.firstLine(trace));
          if (rollBackOnFailure) {
            // As Yandex rolls a failed creation back: the error is visible while the connector is
            // removed.
            OperationStore.showError(op, YandexErrors.body(9, message));
            worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
            specs.remove(name);
          }
          OperationStore.finish(op, YandexErrors.body(9, message), null);
          return;
        }
        // Reached when the connector and every task it has been given are in the target state. A
        // MirrorMaker connector with no matching topic yet runs with no tasks at all, so the count
        // comes from the task configs.
        int expectedTasks =
            Json.list(worker.get(ConnectWorker.connectorPath(name, "/tasks")).body()).size();
        boolean reached =
            target.equals(state)
                && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> target.equals(Json.obj(t).get("state")));
        if (reached) {
          Map<String, Object> response = new LinkedHashMap<>();
          response.put("@type", TYPE_PREFIX + "Connector");
          response.putAll(translation.view(name, specs.getOrEmpty(name)));
          OperationStore.finish(op, null, response);
          return;
        }
      }
      sleep(200);
    }
    OperationStore.finish(
        op,
        YandexErrors.body(
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
