package io.connectctl.client.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers the generated record constructors call: required checks and immutable collection copies.
 */
public final class Models {
  private Models() {}

  /**
   * Fails when a required property is absent.
   *
   * @throws MissingRequiredFieldException naming the model and the property
   */
  public static <T> T required(T value, String model, String field) {
    if (value == null) {
      throw new MissingRequiredFieldException(model, field);
    }
    return value;
  }

  /**
   * An unmodifiable copy of {@code list}, or an empty list for {@code null}. Null elements are
   * kept.
   */
  public static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable, order-keeping copy of {@code map}, or an empty map for {@code null}. */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
