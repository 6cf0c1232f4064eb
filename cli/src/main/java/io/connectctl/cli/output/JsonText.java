package io.connectctl.cli.output;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The CLI's JSON text: exactly what Moshi's {@code Object} adapter writes with nulls kept and an
 * indent of two spaces, character for character, but written straight into a {@link StringBuilder}
 * for what views are made of (maps with string keys, collections, strings, booleans, whole numbers,
 * null). Anything else is handed to that Moshi adapter and indented to its place. A listing across
 * a fleet prints tens of thousands of rows, and the JVM runs this code cold: fewer layers, less
 * time.
 */
final class JsonText {
  private static final JsonAdapter<Object> MOSHI =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

  /** How much text is gathered before it is handed on. */
  private static final int FLUSH_CHARS = 64 * 1024;

  /** What Moshi writes for the first 128 characters, where they need escaping; else null. */
  private static final String[] ESCAPES = new String[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = String.format("\\u%04x", c);
    }
    ESCAPES['"'] = "\\\"";
    ESCAPES['\\'] = "\\\\";
    ESCAPES['\t'] = "\\t";
    ESCAPES['\b'] = "\\b";
    ESCAPES['\n'] = "\\n";
    ESCAPES['\r'] = "\\r";
    ESCAPES['\f'] = "\\f";
  }

  private final StringBuilder text = new StringBuilder();
  private final Appendable out;

  private JsonText(Appendable out) {
    this.out = out;
  }

  /**
   * Writes {@code value} to {@code out}, a piece at a time (a long listing is never one string).
   */
  static void write(Object value, Appendable out) {
    JsonText json = new JsonText(out);
    json.value(value, 0);
    json.flush();
  }

  private void flush() {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text.setLength(0);
  }

  private void value(Object value, int depth) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof String string) {
      string(string);
    } else if (value instanceof Boolean bool) {
      text.append(bool.booleanValue());
    } else if (value instanceof Integer || value instanceof Long) {
      text.append(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
      object(map, depth);
    } else if (value instanceof Collection<?> collection) {
      array(collection, depth);
    } else {
      // Moshi's own text for the rest (other numbers, records...), indented to this depth; a JSON
      // string holds no raw line break, so every one in the text is Moshi's indentation
      text.append(MOSHI.toJson(value).replace("\n", "\n" + "  ".repeat(depth)));
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      text.append("{}");
      return;
    }
    text.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      newline(depth + 1);
      string((String) entry.getKey());
      text.append(": ");
      value(entry.getValue(), depth + 1);
      if (entries.hasNext()) {
        text.append(',');
      }
    }
    newline(depth);
    text.append('}');
  }

  private void array(Collection<?> collection, int depth) {
    if (collection.isEmpty()) {
      text.append("[]");
      return;
    }
    text.append('[');
    Iterator<?> elements = collection.iterator();
    while (elements.hasNext()) {
      newline(depth + 1);
      value(elements.next(), depth + 1);
      if (elements.hasNext()) {
        text.append(',');
      }
      if (text.length() >= FLUSH_CHARS) {
        flush();
      }
    }
    newline(depth);
    text.append(']');
  }

  private void newline(int depth) {
    text.append('\n');
    for (int i = 0; i < depth; i++) {
      text.append("  ");
    }
  }

  private void string(String value) {
    text.append('"');
    int last = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      String escape;
      if (c < 128) {
        escape = ESCAPES[c];
        if (escape == null) {
          continue;
        }
      } else if (c == '\u2028') {
        escape = "\\u2028";
      } else if (c == '\u2029') {
        escape = "\\u2029";
      } else {
        continue;
      }
      text.append(value, last, i).append(escape);
      last = i + 1;
    }
    text.append(value, last, length).append('"');
  }

  private static boolean stringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }
}
