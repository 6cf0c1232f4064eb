package io.connectctl.gateways;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads JSON into plain maps, lists, strings, numbers ({@link Long} when integral, {@link Double}
 * otherwise), booleans and nulls, and writes them back. Integral numbers stay integral, which a
 * generic Moshi adapter does not guarantee.
 */
final class Json {
  private Json() {}

  /** Parses {@code text}; an empty text is {@code null}. */
  static Object parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing characters after the JSON value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      }
      case STRING -> {
        return reader.nextString();
      }
      case NUMBER -> {
        String n = reader.nextString();
        BigDecimal d = new BigDecimal(n);
        if (d.stripTrailingZeros().scale() <= 0
            && !n.contains("e")
            && !n.contains("E")
            && !n.contains(".")) {
          return d.longValueExact();
        }
        return d.doubleValue();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new IOException("unexpected " + reader.peek());
    }
  }

  /**
   * Writes {@code value} as compact JSON; map entries with a {@code null} value are written as
   * {@code null}.
   */
  static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number n) {
      writer.value(n.doubleValue());
    } else {
      writer.value(value.toString());
    }
  }

  /** {@code value} as a map, or an empty map when it is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** {@code value} as a list, or an empty list when it is not one. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
  }

  /**
   * {@code value} as text: strings as they are, numbers and booleans printed, {@code null} as
   * {@code null}.
   */
  static String str(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * A string map from a JSON object (non-string values printed), or null when {@code value} is no
   * object.
   */
  static Map<String, String> stringMap(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : v.toString()));
    return out;
  }

  /** An ordered map of alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
