package io.connectctl.client.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.Path;

/**
 * Turns every {@code @Path} value into exactly one percent-encoded path segment: everything outside
 * RFC 3986's unreserved characters is encoded ({@code /}, {@code %}, spaces, unicode …), so a value
 * can never add or remove segments. The generated interfaces declare their path parameters {@code
 * encoded = true}, so this converter is the only encoder.
 *
 * <p>A value that is exactly {@code .} or {@code ..} cannot be addressed at all: URL parsers
 * (OkHttp's included) treat those segments, even percent-encoded, as dot-segments, and Retrofit
 * refuses them. Callers must reject such names before building a request (the facade does).
 */
public final class PathSegmentEncoding extends Converter.Factory {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Creates the converter factory; register it before any other string converter. */
  public static PathSegmentEncoding create() {
    return new PathSegmentEncoding();
  }

  private PathSegmentEncoding() {}

  @Override
  public Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Path) {
        return value -> encode(String.valueOf(value));
      }
    }
    return null;
  }

  /** Encodes {@code value} as a single path segment. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
