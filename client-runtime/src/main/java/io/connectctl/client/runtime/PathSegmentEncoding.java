package io.connectctl.client.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.Path;

/**
 * Turns every {@code @Path} value into exactly one percent-encoded path segment: everything outside RFC 3986's
 * unreserved characters is encoded, and the segments {@code .} and {@code ..} are written as {@code %2E}s so no
 * server or proxy can read them as traversal. The generated interfaces declare their path parameters
 * {@code encoded = true}, so this converter is the only encoder.
 */
public final class PathSegmentEncoding extends Converter.Factory {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Creates the converter factory; register it before any other string converter. */
  public static PathSegmentEncoding create() {
    return new PathSegmentEncoding();
  }

  private PathSegmentEncoding() {}

  @Override
  public Converter<?, String> stringConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Path) {
        return value -> encode(String.valueOf(value));
      }
    }
    return null;
  }

  /** Encodes {@code value} as a single path segment. */
  public static String encode(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
