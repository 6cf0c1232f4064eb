package io.connectctl.gateways;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector specs a Yandex gateway keeps, as Yandex keeps them: the typed spec of each
 * connector as it was written, write-only secrets included (they are never returned).
 */
final class SpecStore {
  private final Map<String, Map<String, Object>> specs = new ConcurrentHashMap<>();

  /** The spec of {@code name}; fails with NOT_FOUND when there is none. */
  Map<String, Object> get(String name) {
    Map<String, Object> spec = specs.get(name);
    if (spec == null) {
      throw YandexErrors.fail(5, "Connector " + name + " not found");
    }
    return spec;
  }

  /** The spec of {@code name}, or an empty one. */
  Map<String, Object> getOrEmpty(String name) {
    return specs.getOrDefault(name, Map.of());
  }

  /** Adds the spec of a new connector; false when {@code name} exists already. */
  boolean add(String name, Map<String, Object> spec) {
    return specs.putIfAbsent(name, spec) == null;
  }

  void put(String name, Map<String, Object> spec) {
    specs.put(name, spec);
  }

  void remove(String name) {
    specs.remove(name);
  }

  /** A copy of every spec, in name order. */
  TreeMap<String, Map<String, Object>> sorted() {
    return new TreeMap<>(specs);
  }
}
