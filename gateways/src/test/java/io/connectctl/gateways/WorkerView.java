package io.connectctl.gateways;

import io.connectctl.testfixtures.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the real worker itself says, for tests to put beside what a gateway said. */
final class WorkerView {
  private final ConnectWorker worker;

  WorkerView(ConnectWorker worker) {
    this.worker = worker;
  }

  /** The worker's status of {@code name}, or null when it has no such connector. */
  Map<String, Object> status(String name) {
    ConnectWorker.Answer a = worker.get(ConnectWorker.connectorPath(name, "/status"));
    return a.ok() ? Json.obj(a.body()) : null;
  }

  /** The connector state the worker reports, or null. */
  String state(String name) {
    Map<String, Object> s = status(name);
    return s == null ? null : Json.str(Json.obj(s.get("connector")).get("state"));
  }

  /** The task states the worker reports. */
  List<String> taskStates(String name) {
    Map<String, Object> s = status(name);
    return s == null
        ? List.of()
        : Json.list(s.get("tasks")).stream().map(t -> Json.str(Json.obj(t).get("state"))).toList();
  }

  /** The worker's config of {@code name}. */
  Map<String, String> config(String name) {
    return Json.stringMap(worker.get(ConnectWorker.connectorPath(name, "/config")).body());
  }

  boolean exists(String name) {
    return worker.get(ConnectWorker.connectorPath(name, "")).ok();
  }

  /** Polls until {@code test} holds for the worker's status (null when absent). */
  Map<String, Object> await(String name, Predicate<Map<String, Object>> test, Duration timeout) {
    return Eventually.within(timeout)
        .until("worker status of " + name + " to match", () -> status(name), test);
  }

  /** Raw call, for tests that check the worker's side. */
  ConnectWorker.Answer call(String method, String path, Object body) {
    return worker.call(method, path, body);
  }
}
