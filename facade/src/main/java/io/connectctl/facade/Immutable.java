package io.connectctl.facade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Immutable, order-keeping, null-tolerant copies for the public records. */
final class Immutable {
  private Immutable() {}

  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return map instanceof CompactMap<K, V> compact ? compact : CompactMap.copyOf(map);
  }

  static <T> List<T> list(List<T> list) {
    return list == null || list.isEmpty()
        ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
