package io.connectctl.client.runtime;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonDataException;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.RequestBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Strict in what is sent: a request body must carry every property its spec marks required. Reading
 * is tolerant (a property required only in requests, {@code x-optional-on-read}, may be missing
 * from a response), so the check that the record constructors no longer make for those properties
 * is made here, before a body is sent.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * Fails when {@code body}, or a model inside it, lacks a property its schema marks required, or
   * holds the {@link UnknownVariant} case of a {@code oneOf} (a shape this client read but does not
   * understand, which it must not send back as if it did).
   *
   * @throws JsonDataException whose cause is a {@link MissingRequiredFieldException} naming the
   *     model and property, and whose message ends with {@code (at $.path.of.the.model)}; for an
   *     unknown variant, a message naming the {@code oneOf} and ending the same way
   */
  public static void requireComplete(Object body) {
    check(body, "$");
  }

  private static void check(Object value, String path) {
    if (value == null) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), path + "[" + i + "]");
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> check(v, path + "." + k));
      return;
    }
    if (value instanceof UnknownVariant unknown) {
      Class<?> union = value.getClass().getEnclosingClass();
      throw new JsonDataException(
          (union == null ? "A oneOf" : union.getSimpleName())
              + " of a shape the spec does not describe (properties: "
              + unknown.propertyNames()
              + ") cannot be sent (at "
              + path
              + ")");
    }
    Class<?> type = value.getClass();
    ModelSchema schema = type.getAnnotation(ModelSchema.class);
    if (schema == null || !type.isRecord()) {
      return;
    }
    Set<String> required = Set.of(schema.required());
    for (RecordComponent component : type.getRecordComponents()) {
      String name = jsonName(type, component);
      Object child;
      try {
        child = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "Cannot read " + type.getName() + "." + component.getName(), e);
      }
      if (child == null && required.contains(name)) {
        MissingRequiredFieldException missing =
            new MissingRequiredFieldException(schema.name(), name);
        throw new JsonDataException(missing.getMessage() + " (at " + path + ")", missing);
      }
      check(child, path + "." + name);
    }
  }

  private static String jsonName(Class<?> type, RecordComponent component) {
    try {
      Json json = type.getDeclaredField(component.getName()).getAnnotation(Json.class);
      return json == null ? component.getName() : json.name();
    } catch (NoSuchFieldException e) {
      return component.getName();
    }
  }

  /**
   * A Retrofit converter factory that checks every request body with {@link #requireComplete}
   * before the next one writes it.
   */
  static Converter.Factory converterFactory() {
    return new Converter.Factory() {
      @Override
      public Converter<?, RequestBody> requestBodyConverter(
          Type type,
          Annotation[] parameterAnnotations,
          Annotation[] methodAnnotations,
          Retrofit retrofit) {
        Converter<Object, RequestBody> next =
            retrofit.nextRequestBodyConverter(this, type, parameterAnnotations, methodAnnotations);
        return value -> {
          requireComplete(value);
          return next.convert(value);
        };
      }
    };
  }
}
