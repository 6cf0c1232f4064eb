package io.connectctl.facade.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.GET;

/**
 * Reads a connector listing whose shape depends on the request, and which the generated interface
 * therefore declares as {@code Object} (Kafka Connect and Confluent: an array of names without
 * {@code expand}, an object keyed by connector name with it), in one pass straight into the
 * generated model of one entry. Without it Moshi builds a generic tree of the whole body first and
 * the facade decodes that tree a second time: for a fleet of large clusters, most of the CPU a
 * listing costs and a heap of short-lived maps.
 *
 * <p>Only {@code Object} answers of the one {@code GET} path given are read here; an object body
 * becomes {@link Entries}, any other shape (the array of names, {@code null}) the generic value
 * Moshi would have made.
 */
public final class KeyedListings extends Converter.Factory {
  private final String path;
  private final Supplier<? extends JsonAdapter<?>> entries;

  private KeyedListings(String path, Supplier<? extends JsonAdapter<?>> entries) {
    this.path = path;
    this.entries = entries;
  }

  /**
   * An object body: each connector's entry, decoded, by name in the server's order.
   *
   * @param byName the entries (never null values)
   * @param <T> the generated model of one entry
   */
  public record Entries<T>(Map<String, T> byName) {}

  /**
   * The entries of a listing body as this converter left it, typed as {@code T}: none for no body
   * or an empty array (no connectors), else the object's entries by name.
   *
   * @param body what the generated interface returned
   * @param type the generated model of one entry
   * @param vendor for the error
   * @param what the call, for the error
   * @throws ConnectCloudException (unexpected response) when the body is another shape, such as the
   *     array of names a listing without {@code expand} answers
   */
  public static <T> Map<String, T> entries(Object body, Class<T> type, Vendor vendor, String what) {
    if (body == null || body instanceof List<?> list && list.isEmpty()) {
      return Map.of();
    }
    if (!(body instanceof Entries<?> entries)) {
      throw ErrorMapper.fromMalformedBody(
          vendor,
          new IllegalStateException(
              "expected an object keyed by connector name, got "
                  + (body instanceof List<?> ? "an array" : body.getClass().getSimpleName())),
          what);
    }
    Map<String, T> typed = new LinkedHashMap<>();
    entries.byName().forEach((name, entry) -> typed.put(name, type.cast(entry)));
    return typed;
  }

  /**
   * {@code retrofit} with the listing at {@code getPath} read in one pass.
   *
   * @param retrofit the generated interfaces' Retrofit
   * @param getPath the path of the listing's {@code @GET}, exactly as the generated interface has
   *     it
   * @param entries the adapter of one entry, asked once per body (so it may hold per-body state)
   */
  public static Retrofit install(
      Retrofit retrofit, String getPath, Supplier<? extends JsonAdapter<?>> entries) {
    Retrofit.Builder builder = retrofit.newBuilder();
    builder.converterFactories().add(0, new KeyedListings(getPath, entries));
    return builder.build();
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != Object.class) {
      return null;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof GET get && get.value().equals(path)) {
        return this::read;
      }
    }
    return null;
  }

  private Object read(ResponseBody body) throws IOException {
    try (body) {
      JsonReader reader = JsonReader.of(body.source());
      Object value;
      if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
        JsonAdapter<?> adapter = entries.get();
        Map<String, Object> byName = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          Object entry = adapter.fromJson(reader);
          if (entry == null) {
            throw new JsonDataException("connector '" + name + "' is null");
          }
          byName.put(name, entry);
        }
        reader.endObject();
        value = new Entries<>(byName);
      } else {
        value = reader.readJsonValue();
      }
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("the JSON document goes on after its end");
      }
      return value;
    }
  }
}
