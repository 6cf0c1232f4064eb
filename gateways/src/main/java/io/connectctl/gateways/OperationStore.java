package io.connectctl.gateways;

import io.connectctl.gateways.GatewayServer.Request;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Yandex's operations, as the Operation service keeps them: each with its id, description,
 * timestamps, metadata and, once done, an error or a response; the order they were started in; and
 * the idempotency keys of the requests that started them. An operation is a mutable map that the
 * background work finishes; readers get {@linkplain #snapshot consistent copies}.
 */
final class OperationStore {
  private static final String TYPE_PREFIX = "type.googleapis.com/yandex.cloud.mdb.kafka.v1.";

  private final Map<String, Map<String, Object>> operations = new ConcurrentHashMap<>();
  private final List<String> order = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> idempotency = new ConcurrentHashMap<>();

  /**
   * Starts an operation for {@code verb} (Create, Update, ...) on {@code connector}, remembered
   * under the request's {@code Idempotency-Key} if it has one.
   */
  Map<String, Object> start(Request r, String verb, String clusterId, String connector) {
    String at = now();
    Map<String, Object> op = new ConcurrentHashMap<>();
    op.put("id", Ids.random("c9q", "0123456789abcdefghijklmnopqrstuv", 17));
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
    order.add((String) op.get("id"));
    String key = r.header("Idempotency-Key");
    if (key != null && !key.isBlank()) {
      idempotency.put(key, (String) op.get("id"));
    }
    return op;
  }

  /** The operation an earlier request with the same {@code Idempotency-Key} started, if any. */
  Reply repeated(Request r) {
    String key = r.header("Idempotency-Key");
    String id = key == null ? null : idempotency.get(key);
    return id == null ? null : Reply.json(200, snapshot(operations.get(id)));
  }

  /** Shows {@code error} on a running operation (it is not done yet). */
  static void showError(Map<String, Object> op, Map<String, Object> error) {
    op.put("error", error);
    op.put("modifiedAt", now());
  }

  /** Marks {@code op} done, with {@code error} or else {@code response}. */
  static void finish(
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

  /** A copy of operation {@code id}; fails with NOT_FOUND when there is none. */
  Map<String, Object> get(String id) {
    Map<String, Object> op = operations.get(id);
    if (op == null) {
      throw YandexErrors.fail(5, "Operation " + id + " not found");
    }
    return snapshot(op);
  }

  /**
   * One page of operations, newest first.
   *
   * @param items copies of the operations on the page
   * @param total how many operations there were when the page was taken
   */
  record Page(List<Object> items, int total) {}

  /** Copies of up to {@code size} operations, newest first, from position {@code start}. */
  Page newestFirst(int start, int size) {
    List<String> ids;
    synchronized (order) {
      ids = new ArrayList<>(order);
    }
    Collections.reverse(ids);
    List<Object> page = new ArrayList<>();
    for (int i = start; i < ids.size() && page.size() < size; i++) {
      page.add(snapshot(operations.get(ids.get(i))));
    }
    return new Page(page, ids.size());
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

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
