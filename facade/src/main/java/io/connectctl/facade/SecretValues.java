package io.connectctl.facade;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values of one connector secret: config keys mapped to their plain values (a connector config
 * then refers to a value as {@code ${secretsManager:<secret>:<key>}} on Redpanda). Write-only by
 * design: vendors never return them, and this class never shows them — {@link #toString()} lists
 * only the keys, and nothing in the facade puts a value into a log line or an exception message.
 * Immutable; keys are kept in sorted order.
 */
public final class SecretValues {
  private final Map<String, String> values;

  private SecretValues(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Copies {@code values}.
   *
   * @throws IllegalArgumentException if there are no values, a key is blank, or a value is missing
   *     (the message names the key, never a value)
   */
  public static SecretValues of(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("A secret needs at least one key and value");
    }
    Map<String, String> copy = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k == null || k.isBlank()) {
            throw new IllegalArgumentException("A secret key must not be empty");
          }
          if (v == null) {
            throw new IllegalArgumentException("Secret key '" + k + "' has no value");
          }
          copy.put(k, v);
        });
    return new SecretValues(Collections.unmodifiableMap(copy));
  }

  /** One key and its value. */
  public static SecretValues of(String key, String value) {
    Map<String, String> one = new LinkedHashMap<>();
    one.put(key, value);
    return of(one);
  }

  /** The keys, sorted. */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * The value of {@code key}, for the code that sends it (or computes a fingerprint of it). Never
   * log it.
   *
   * @throws IllegalArgumentException if there is no such key
   */
  public String reveal(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("No secret key '" + key + "'");
    }
    return value;
  }

  /** Every value, for the code that sends them; never log or print the result. */
  public Map<String, String> revealAll() {
    return values;
  }

  /** Equal when the same keys hold the same values. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValues other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The keys only, e.g. {@code SecretValues[keys=[database.password]]}. */
  @Override
  public String toString() {
    return "SecretValues[keys=" + values.keySet() + "]";
  }
}
