package io.connectctl.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.connectctl.client.runtime.ModelJson;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tolerant-reader tests derived from a spec, without a server: for every named example of every
 * response (success and error) of every operation, the generated model must still parse the example
 *
 * <ol>
 *   <li>with each optional property left out, one at a time, at every depth (what a proto3 server
 *       does with a field holding its default, or an older server with a field it does not know
 *       yet), and
 *   <li>with a property the spec does not know added to every object (what a newer server sends).
 * </ol>
 *
 * A property is optional when the schema that holds it does not list it in {@code required}, or
 * marks it {@code x-optional-on-read} (required in requests only).
 */
public final class TolerantReaderSuite {
  private static final String UNKNOWN = "aFieldFromTheFuture";

  private final OpenApiDocument spec;
  private final List<Class<?>> apis;
  private final String modelPackage;
  private final Moshi moshi = ModelJson.moshi();

  private TolerantReaderSuite(OpenApiDocument spec, List<Class<?>> apis, String modelPackage) {
    this.spec = spec;
    this.apis = apis;
    this.modelPackage = modelPackage;
  }

  /**
   * @param spec the spec file
   * @param modelPackage where the generated models are (error models are looked up there by schema
   *     name)
   * @param apis the generated Retrofit interfaces (success response types are read from their
   *     methods)
   */
  public static TolerantReaderSuite of(Path spec, String modelPackage, Class<?>... apis) {
    return new TolerantReaderSuite(OpenApiDocument.read(spec), List.of(apis), modelPackage);
  }

  /** One container per operation, one test per response example. */
  public Stream<DynamicNode> tests() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (OpenApiDocument.Operation op : spec.operations()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (String code : op.responseCodes()) {
        Optional<Map<String, Object>> schema = op.responseSchema(code);
        if (schema.isEmpty()) {
          continue;
        }
        for (Map.Entry<String, Object> example : op.responseExamples(code).entrySet()) {
          String what = op + " " + code + " example '" + example.getKey() + "'";
          tests.add(
              DynamicTest.dynamicTest(
                  code
                      + " '"
                      + example.getKey()
                      + "' parses with each optional field left out"
                      + " and with an unknown field added",
                  () -> check(what, type(op, code), schema.get(), example.getValue())));
        }
      }
      if (!tests.isEmpty()) {
        nodes.add(DynamicContainer.dynamicContainer(op.toString(), tests));
      }
    }
    return nodes.stream();
  }

  private void check(String what, Type type, Map<String, Object> schema, Object example) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);
    List<Variant> variants = new ArrayList<>();
    removals(schema, example, "$", example, variants);
    variants.add(
        new Variant("an unknown property added to every object", withUnknown(schema, example)));
    List<String> failures = new ArrayList<>();
    for (Variant variant : variants) {
      try {
        if (adapter.fromJsonValue(variant.json()) == null) {
          failures.add(variant.description() + ": parsed to null");
        }
      } catch (RuntimeException e) {
        failures.add(variant.description() + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      fail(
          what
              + " fails to parse in "
              + failures.size()
              + " of "
              + variants.size()
              + " variants:\n  "
              + String.join("\n  ", failures));
    }
  }

  private record Variant(String description, Object json) {}

  /**
   * Adds, for every optional property present in {@code node}, a copy of {@code root} without it.
   */
  private void removals(
      Map<String, Object> schemaNode, Object node, String path, Object root, List<Variant> out) {
    if (node instanceof List<?> list) {
      Map<String, Object> items = spec.resolve(effective(schemaNode, null).get("items"));
      for (int i = 0; i < list.size(); i++) {
        removals(items, list.get(i), path + "[" + i + "]", root, out);
      }
      return;
    }
    if (!(node instanceof Map<?, ?> object)) {
      return;
    }
    Map<String, Object> schema = effective(schemaNode, object.keySet());
    Map<String, Object> properties = OpenApiDocument.map(schema.get("properties"));
    Set<String> required =
        Set.copyOf(
            OpenApiDocument.list(schema.get("required")).stream().map(String::valueOf).toList());
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String childPath = path + "." + key;
      Map<String, Object> property = OpenApiDocument.map(properties.get(key));
      boolean optional =
          !required.contains(key) || Boolean.TRUE.equals(property.get("x-optional-on-read"));
      if (optional) {
        out.add(new Variant("without " + childPath, without(root, childPath)));
      }
      Map<String, Object> childSchema =
          properties.containsKey(key)
              ? spec.resolve(property)
              : spec.resolve(schema.get("additionalProperties"));
      removals(childSchema, entry.getValue(), childPath, root, out);
    }
  }

  /**
   * The schema that applies: {@code $ref} followed, a one-element {@code allOf} unwrapped, the
   * matching {@code oneOf}.
   */
  private Map<String, Object> effective(Map<String, Object> schemaNode, Set<?> keys) {
    Map<String, Object> schema = spec.resolve(schemaNode);
    List<Object> allOf = OpenApiDocument.list(schema.get("allOf"));
    if (allOf.size() == 1) {
      return effective(spec.resolve(allOf.get(0)), keys);
    }
    List<Object> oneOf = OpenApiDocument.list(schema.get("oneOf"));
    if (!oneOf.isEmpty() && keys != null) {
      for (Object candidate : oneOf) {
        Map<String, Object> variant = spec.resolve(candidate);
        if (keys.containsAll(OpenApiDocument.list(variant.get("required")))) {
          return variant;
        }
      }
    }
    return schema;
  }

  /** A deep copy of {@code root} without the member at {@code path} ({@code $.a.b[2].c}). */
  private static Object without(Object root, String path) {
    return copyWithout(root, "$", path);
  }

  private static Object copyWithout(Object node, String path, String target) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String child = path + "." + k;
            if (!child.equals(target)) {
              out.put(String.valueOf(k), copyWithout(v, child, target));
            }
          });
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(copyWithout(list.get(i), path + "[" + i + "]", target));
      }
      return out;
    }
    return node;
  }

  /**
   * A copy with an unknown property added to every object that is a model (not a map) in its
   * schema.
   */
  private Object withUnknown(Map<String, Object> schemaNode, Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> schema = effective(schemaNode, map.keySet());
      Map<String, Object> properties = OpenApiDocument.map(schema.get("properties"));
      Object additional = schema.get("additionalProperties");
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) ->
              out.put(
                  String.valueOf(k),
                  withUnknown(
                      properties.containsKey(String.valueOf(k))
                          ? spec.resolve(properties.get(String.valueOf(k)))
                          : spec.resolve(additional),
                      v)));
      if (!properties.isEmpty() || !(additional instanceof Map<?, ?>)) {
        out.put(UNKNOWN, Map.of("added", "by a newer server"));
      }
      return out;
    }
    if (node instanceof List<?> list) {
      Map<String, Object> items = spec.resolve(effective(schemaNode, null).get("items"));
      return list.stream().map(item -> withUnknown(items, item)).toList();
    }
    return node;
  }

  private Type type(OpenApiDocument.Operation op, String code) {
    if (code.startsWith("2")) {
      for (Class<?> api : apis) {
        for (Method m : api.getMethods()) {
          if (m.getName().equals(op.id())) {
            return ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
          }
        }
      }
      throw new AssertionError("No method " + op.id() + " in " + apis);
    }
    Map<String, Object> schema = op.responseSchema(code).orElseThrow();
    String name =
        OpenApiDocument.schemaName(schema)
            .orElseThrow(
                () ->
                    new AssertionError(
                        op + " " + code + ": error schemas must be named components"));
    try {
      return Class.forName(modelPackage + "." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("No generated model " + modelPackage + "." + name, e);
    }
  }
}
