package io.connectctl.facade.yandex;

import com.squareup.moshi.Json;
import io.connectctl.client.runtime.ModelSchema;
import io.connectctl.client.runtime.OneOf;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the generated Yandex models say about their JSON shape, read from the records and their
 * annotations: property types by JSON name, required properties, and which {@code oneOf} variant a
 * JSON object is. Lets the config mapping and the update body follow the spec without a
 * hand-written list of fields.
 */
final class GeneratedModels {
  private GeneratedModels() {}

  /**
   * The variant of a {@code oneOf} interface that an object with {@code keys} is (the one whose
   * required properties are all present); {@code type} itself when it is not a {@code oneOf}; null
   * when no single variant fits.
   */
  static Class<?> variant(Class<?> type, Set<String> keys) {
    OneOf oneOf = type == null ? null : type.getAnnotation(OneOf.class);
    if (oneOf == null) {
      return type;
    }
    List<Class<?>> matches =
        Arrays.stream(oneOf.value()).filter(v -> keys.containsAll(required(v))).toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  /**
   * The JSON names of the properties the spec marks required for {@code model}; empty if none or
   * unknown.
   */
  static Set<String> required(Class<?> model) {
    ModelSchema schema = model == null ? null : model.getAnnotation(ModelSchema.class);
    return schema == null ? Set.of() : Set.of(schema.required());
  }

  /**
   * The declared type of the property named {@code jsonName} in {@code model} (for a {@code oneOf}:
   * in the first variant that has it), or null when there is no such property.
   */
  static Type propertyType(Class<?> model, String jsonName) {
    if (model == null) {
      return null;
    }
    OneOf oneOf = model.getAnnotation(OneOf.class);
    if (oneOf != null) {
      for (Class<?> variant : oneOf.value()) {
        Type found = propertyType(variant, jsonName);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!model.isRecord()) {
      return null;
    }
    for (RecordComponent component : model.getRecordComponents()) {
      if (jsonName(model, component).equals(jsonName)) {
        return component.getGenericType();
      }
    }
    return null;
  }

  private static String jsonName(Class<?> model, RecordComponent component) {
    try {
      Json json = model.getDeclaredField(component.getName()).getAnnotation(Json.class);
      return json == null ? component.getName() : json.name();
    } catch (NoSuchFieldException e) {
      return component.getName();
    }
  }
}
