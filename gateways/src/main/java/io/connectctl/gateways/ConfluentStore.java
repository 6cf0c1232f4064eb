package io.connectctl.gateways;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Confluent keeps beside Kafka Connect, per connector: its {@code lcc-} id, its creation time
 * and whether it has left PROVISIONING, and the latest offsets request. A connector the gateway has
 * not seen created (it was made on the worker directly) gets an id on first sight and counts as
 * provisioned.
 */
final class ConfluentStore {
  /** What the gateway remembers of one connector. */
  record Managed(
      String id, Instant createdAt, boolean provisioned, Map<String, Object> offsetsRequest) {
    Managed markProvisioned() {
      return new Managed(id, createdAt, true, offsetsRequest);
    }

    Managed withOffsetsRequest(Map<String, Object> request) {
      return new Managed(id, createdAt, provisioned, request);
    }
  }

  private final Map<String, Managed> managed = new ConcurrentHashMap<>();

  /** The record of {@code name}, made on first sight. */
  Managed get(String name) {
    return managed.computeIfAbsent(name, n -> new Managed(newId(), Instant.EPOCH, true, null));
  }

  /** The record of {@code name} if the gateway has one, else null. */
  Managed find(String name) {
    return managed.get(name);
  }

  /** Records {@code name} as created now: a new id, PROVISIONING for a while. */
  void created(String name) {
    managed.put(name, new Managed(newId(), Instant.now(), false, null));
  }

  /** Forgets {@code name}. */
  void remove(String name) {
    managed.remove(name);
  }

  /** Records that {@code name} has left PROVISIONING. */
  void markProvisioned(String name, Managed m) {
    managed.put(name, m.markProvisioned());
  }

  /** Replaces the latest offsets request of {@code name}. */
  void putOffsetsRequest(String name, Map<String, Object> request) {
    managed.put(name, get(name).withOffsetsRequest(request));
  }

  private static String newId() {
    return Ids.random("lcc-", "0123456789abcdefghijklmnopqrstuvwxyz", 6);
  }
}
