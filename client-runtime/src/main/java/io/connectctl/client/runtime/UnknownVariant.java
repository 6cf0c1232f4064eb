package io.connectctl.client.runtime;

/**
 * The case of a generated {@code oneOf} interface that stands for a shape the spec does not
 * describe: an object that matches none of the known variants, or whose discriminator holds a value
 * the spec does not map. A newer server adds variants over time (a new connector type, say); a
 * reader that fails on them would fail on every response that carries one, so the object is kept as
 * it arrived instead.
 *
 * <p>Every generated {@code oneOf} interface has a nested record {@code Unknown} implementing this.
 * Writing it back produces the JSON that was read; callers that build requests refuse it rather
 * than send a body they only half understand.
 */
public interface UnknownVariant {
  /**
   * The JSON value as read: a {@code Map<String, Object>} for an object (lists, strings, numbers as
   * {@code Double}, booleans and nulls inside), or the scalar or list that came instead.
   */
  Object json();

  /** The top-level property names of {@link #json()} when it is an object, else empty. */
  default java.util.Set<String> propertyNames() {
    if (json() instanceof java.util.Map<?, ?> map) {
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      map.keySet().forEach(k -> names.add(String.valueOf(k)));
      return java.util.Collections.unmodifiableSet(names);
    }
    return java.util.Set.of();
  }
}
