package io.connectctl.client.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Moshi setup for generated models. Moshi reads and writes the records themselves; this adds
 * what records alone cannot express: open enums, {@code oneOf} interfaces, int64 carried as strings
 * and {@link OffsetDateTime} timestamps.
 */
public final class ModelJson {
  /** The adapter factory covering every type the generator emits beyond plain records. */
  public static final JsonAdapter.Factory FACTORY = ModelJson::create;

  private static final Moshi MOSHI = addTo(new Moshi.Builder()).build();

  private ModelJson() {}

  /** A shared Moshi instance ready for every generated model. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** Adds the generated-model adapters to a caller's builder. */
  public static Moshi.Builder addTo(Moshi.Builder builder) {
    return builder.add(FACTORY);
  }

  private static JsonAdapter<?> create(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    for (Annotation a : annotations) {
      if (a instanceof WireFormat format) {
        if ("int64".equals(format.value()) && raw == Long.class) {
          return new Int64StringAdapter().nullSafe();
        }
        if (raw == String.class) {
          return moshi.adapter(String.class);
        }
        throw new IllegalArgumentException(
            "No adapter for string format '" + format.value() + "' on " + type.getTypeName());
      }
    }
    if (!annotations.isEmpty()) {
      return null;
    }
    if (raw == OffsetDateTime.class) {
      return new OffsetDateTimeAdapter().nullSafe();
    }
    if (raw == UUID.class) {
      return new UuidAdapter().nullSafe();
    }
    if (raw.isAnnotationPresent(OpenEnum.class) && raw.isRecord()) {
      return new OpenEnumAdapter<>(raw).nullSafe();
    }
    ModelSchema schema = raw.getAnnotation(ModelSchema.class);
    if (schema != null && raw.isRecord()) {
      if (schema.adapter() != Void.class) {
        return generated(schema.adapter(), moshi).nullSafe();
      }
      return new RequiredPropertiesAdapter<>(moshi.nextAdapter(FACTORY, type, annotations));
    }
    OneOf oneOf = raw.getAnnotation(OneOf.class);
    if (oneOf != null && raw.isInterface()) {
      return new OneOfAdapter<>(raw, oneOf, moshi).nullSafe();
    }
    return null;
  }

  /**
   * The adapter for one component of a generated record: Moshi's adapter for its generic type and
   * its JSON qualifiers (such as {@link WireFormat}), as Moshi's own record adapter would choose.
   */
  public static <T> JsonAdapter<T> componentAdapter(Moshi moshi, RecordComponent component) {
    Set<Annotation> qualifiers = new LinkedHashSet<>();
    for (Annotation annotation : component.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(JsonQualifier.class)) {
        qualifiers.add(annotation);
      }
    }
    return moshi.adapter(component.getGenericType(), qualifiers);
  }

  private static JsonAdapter<?> generated(Class<?> adapter, Moshi moshi) {
    try {
      Constructor<?> constructor = adapter.getDeclaredConstructor(Moshi.class);
      constructor.setAccessible(true);
      return (JsonAdapter<?>) constructor.newInstance(moshi);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Cannot create " + adapter.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + adapter.getName(), e);
    }
  }

  /**
   * Moshi builds records through their canonical constructor and wraps whatever it throws in an
   * {@link AssertionError}; this turns a missing required property back into a {@link
   * JsonDataException} that names the model, the property and where in the document it was.
   */
  static final class RequiredPropertiesAdapter<T> extends JsonAdapter<T> {
    private final JsonAdapter<T> delegate;

    RequiredPropertiesAdapter(JsonAdapter<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public T fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      try {
        return delegate.fromJson(reader);
      } catch (AssertionError e) {
        Throwable cause = e.getCause();
        if (cause instanceof MissingRequiredFieldException missing) {
          throw new JsonDataException(missing.getMessage() + " (at " + path + ")", missing);
        }
        throw e;
      }
    }

    @Override
    public void toJson(JsonWriter writer, T value) throws IOException {
      delegate.toJson(writer, value);
    }
  }

  /** int64 as a JSON string of digits; numbers are accepted on read too. */
  static final class Int64StringAdapter extends JsonAdapter<Long> {
    @Override
    public Long fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new JsonDataException(
            "Expected an int64 string but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, Long value) throws IOException {
      writer.value(Long.toString(value));
    }
  }

  /** RFC 3339 timestamps with offset. */
  static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException(
            "Expected an RFC 3339 timestamp but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  /** UUIDs in their canonical text form. */
  static final class UuidAdapter extends JsonAdapter<UUID> {
    @Override
    public UUID fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw new JsonDataException(
            "Expected a UUID but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, UUID value) throws IOException {
      writer.value(value.toString());
    }
  }

  /** Open enums: a record with one String component. */
  static final class OpenEnumAdapter<T> extends JsonAdapter<T> {
    private final Constructor<?> constructor;
    private final java.lang.reflect.Method accessor;

    OpenEnumAdapter(Class<?> type) {
      try {
        this.constructor = type.getDeclaredConstructor(String.class);
        this.accessor = type.getRecordComponents()[0].getAccessor();
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(type.getName() + " is not an open enum record", e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T fromJson(JsonReader reader) throws IOException {
      String value = reader.nextString();
      try {
        return (T) constructor.newInstance(value);
      } catch (InvocationTargetException e) {
        throw new JsonDataException(
            e.getCause().getMessage() + " at " + reader.getPath(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, T value) throws IOException {
      try {
        writer.value((String) accessor.invoke(value));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * {@code oneOf}: the variant whose required properties are all present, or the one the
   * discriminator value maps to; the interface's {@link UnknownVariant} case when none applies.
   */
  static final class OneOfAdapter<T> extends JsonAdapter<T> {
    private final Class<?> type;
    private final List<Class<?>> variants;
    private final List<Set<String>> required;
    private final String discriminator;
    private final Map<String, Class<?>> mapping;
    private final Constructor<?> unknown;
    private final Moshi moshi;

    OneOfAdapter(Class<?> type, OneOf oneOf, Moshi moshi) {
      this.type = type;
      this.variants = List.of(oneOf.value());
      this.moshi = moshi;
      this.required = new ArrayList<>();
      for (Class<?> variant : variants) {
        ModelSchema schema = variant.getAnnotation(ModelSchema.class);
        required.add(schema == null ? Set.of() : Set.of(schema.required()));
      }
      this.discriminator = oneOf.discriminator();
      this.mapping = mapping(variants, oneOf.mapping());
      this.unknown = unknownConstructor(type);
    }

    private static Map<String, Class<?>> mapping(List<Class<?>> variants, String[] explicit) {
      Map<String, Class<?>> out = new java.util.LinkedHashMap<>();
      for (Class<?> variant : variants) {
        ModelSchema schema = variant.getAnnotation(ModelSchema.class);
        out.put(schema == null ? variant.getSimpleName() : schema.name(), variant);
      }
      for (String entry : explicit) {
        int eq = entry.lastIndexOf('=');
        String className = entry.substring(eq + 1);
        for (Class<?> variant : variants) {
          if (variant.getSimpleName().equals(className)) {
            out.put(entry.substring(0, eq), variant);
          }
        }
      }
      return Map.copyOf(out);
    }

    private static Constructor<?> unknownConstructor(Class<?> type) {
      for (Class<?> nested : type.getDeclaredClasses()) {
        if (UnknownVariant.class.isAssignableFrom(nested) && nested.isRecord()) {
          try {
            Constructor<?> constructor = nested.getDeclaredConstructor(Object.class);
            constructor.setAccessible(true);
            return constructor;
          } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                nested.getName() + " needs a constructor taking the JSON value", e);
          }
        }
      }
      return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      Object json = reader.readJsonValue();
      if (!(json instanceof Map<?, ?> object)) {
        return unknown(json, type.getSimpleName() + " expects a JSON object at " + path);
      }
      if (!discriminator.isEmpty()) {
        Object value = object.get(discriminator);
        Class<?> variant = value == null ? null : mapping.get(String.valueOf(value));
        if (variant == null) {
          return unknown(
              json,
              type.getSimpleName()
                  + " at "
                  + path
                  + ": discriminator "
                  + discriminator
                  + " is "
                  + value
                  + ", not one of "
                  + mapping.keySet());
        }
        return (T) moshi.adapter(variant).fromJsonValue(json);
      }
      List<Class<?>> matches = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        if (object.keySet().containsAll(required.get(i))) {
          matches.add(variants.get(i));
        }
      }
      if (matches.size() > 1) {
        throw new JsonDataException(
            type.getSimpleName()
                + " at "
                + path
                + " must match exactly one of "
                + names(variants)
                + " by their required properties, but matched "
                + names(matches)
                + " (properties present: "
                + object.keySet()
                + ")");
      }
      if (matches.isEmpty()) {
        return unknown(
            json,
            type.getSimpleName()
                + " at "
                + path
                + " matches none of "
                + names(variants)
                + " (properties present: "
                + object.keySet()
                + ")");
      }
      return (T) moshi.adapter(matches.get(0)).fromJsonValue(json);
    }

    @SuppressWarnings("unchecked")
    private T unknown(Object json, String problem) {
      if (unknown == null) {
        throw new JsonDataException(problem);
      }
      try {
        return (T) unknown.newInstance(json);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot create " + unknown.getName(), e);
      }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void toJson(JsonWriter writer, T value) throws IOException {
      if (value instanceof UnknownVariant unknownValue) {
        writer.jsonValue(unknownValue.json());
        return;
      }
      JsonAdapter adapter = moshi.adapter(value.getClass());
      adapter.toJson(writer, value);
    }

    private static String names(List<Class<?>> classes) {
      return Arrays.toString(classes.stream().map(Class::getSimpleName).toArray());
    }
  }
}
