package io.connectctl.client.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters in OpenAPI's {@code deepObject} style: a map parameter {@code filter.labels}
 * holding {@code owner=data-platform} travels as {@code filter.labels[owner]=data-platform}. The
 * generated interfaces take such parameters as a Retrofit {@code @QueryMap}; this builds that map.
 */
public final class DeepObjectQuery {
  private DeepObjectQuery() {}

  /**
   * The query map for parameter {@code name} holding {@code values}; an empty map when {@code
   * values} is null or empty.
   *
   * @param name the parameter's name in the spec, for example {@code filter.labels}
   * @param values the keys and values of the map parameter
   */
  public static Map<String, String> of(String name, Map<String, String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((key, value) -> out.put(name + "[" + key + "]", value));
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
