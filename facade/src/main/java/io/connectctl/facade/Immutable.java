package io.connectctl.facade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable, order-keeping, null-tolerant copies for the public records. */
final class Immutable {
  private Immutable() {}

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <T> List<T> list(List<T> list) {
    return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
