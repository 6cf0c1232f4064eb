package io.connectctl.facade.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.connectctl.facade.Redaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Walks JSON text and hides the values of secret-looking keys ({@link SecretKeys#isSecretField}) at
 * any depth, keeping everything else (order, numbers) as it was. Text that is not complete JSON (a
 * truncated body) falls back to a pattern that hides {@code "secretKey": "value"} pairs.
 */
final class JsonRedaction {
  private static final Pattern STRING_PAIR =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)(\"?)");

  private JsonRedaction() {}

  /** {@code json} with secret values replaced by {@link Redaction#REDACTED}. */
  static String redact(String json) {
    try {
      Buffer out = new Buffer();
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      try (JsonWriter writer = JsonWriter.of(out)) {
        writer.setSerializeNulls(true);
        copy(reader, writer, false, null);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          return redactPairs(json);
        }
      }
      return out.readUtf8();
    } catch (IOException | RuntimeException notJson) {
      return redactPairs(json);
    }
  }

  /**
   * The string values (at any depth) under secret-looking keys of {@code json}; empty if it is not
   * JSON.
   */
  static List<String> secretValues(String json) {
    List<String> values = new ArrayList<>();
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      copy(reader, JsonWriter.of(new Buffer()), false, values);
    } catch (IOException | RuntimeException notJson) {
      // keep what was found before the JSON broke off
    }
    return values;
  }

  /**
   * Every string and number value (at any depth) of {@code json}; what was found before it broke
   * off if not JSON.
   */
  static List<String> stringValues(String json) {
    List<String> values = new ArrayList<>();
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      copy(reader, JsonWriter.of(new Buffer()), true, values);
    } catch (IOException | RuntimeException notJson) {
      // keep what was found before the JSON broke off
    }
    return values;
  }

  /**
   * Copies one value from {@code reader} to {@code writer}.
   *
   * @param secret whether the value sits under a secret key (written as {@link Redaction#REDACTED})
   * @param found when not null, receives the text of every secret scalar
   */
  private static void copy(JsonReader reader, JsonWriter writer, boolean secret, List<String> found)
      throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        reader.beginObject();
        writer.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          writer.name(name);
          copy(reader, writer, secret || SecretKeys.isSecretField(name), found);
        }
        reader.endObject();
        writer.endObject();
      }
      case BEGIN_ARRAY -> {
        reader.beginArray();
        writer.beginArray();
        while (reader.hasNext()) {
          copy(reader, writer, secret, found);
        }
        reader.endArray();
        writer.endArray();
      }
      case STRING, NUMBER -> {
        boolean number = reader.peek() == JsonReader.Token.NUMBER;
        String value = reader.nextString();
        if (secret) {
          if (found != null) {
            found.add(value);
          }
          writer.value(Redaction.REDACTED);
        } else if (number) {
          writer.value(new BigDecimal(value));
        } else {
          writer.value(value);
        }
      }
      case BOOLEAN -> writer.value(reader.nextBoolean());
      case NULL -> writer.value((String) reader.nextNull());
      default -> throw new IOException("unexpected " + reader.peek());
    }
  }

  private static String redactPairs(String text) {
    Matcher m = STRING_PAIR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement =
          SecretKeys.isSecretField(m.group(1))
              ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + Redaction.REDACTED + "\""
              : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
