package io.connectctl.testkit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Compares JSON values the way a round trip through the generated models should preserve them:
 * absent, null and empty collections are the same thing (the models default collections to empty),
 * numbers compare by value and timestamps by instant.
 */
public final class JsonComparison {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private JsonComparison() {}

  /** A canonical form: sorted maps without null or empty members, numbers as {@link BigDecimal}. */
  public static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object v = normalize(e.getValue());
        if (!isEmpty(v)) {
          out.put(String.valueOf(e.getKey()), v);
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalize(item));
      }
      return out;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros();
    }
    if (value instanceof String text && TIMESTAMP.matcher(text).matches()) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notATimestamp) {
        return text;
      }
    }
    return value;
  }

  private static boolean isEmpty(Object v) {
    return v == null
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty());
  }
}
