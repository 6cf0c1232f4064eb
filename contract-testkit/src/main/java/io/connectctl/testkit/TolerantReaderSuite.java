package io.connectctl.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.runtime.RequestBodies;
import io.connectctl.client.runtime.UnknownVariant;
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
 *   <li>with a property the spec does not know added to every object (what a newer server sends),
 *       and
 *   <li>with each object that is a {@code oneOf} replaced, one at a time, by a variant the spec
 *       does not know (the properties all variants share kept, the others replaced by one from the
 *       future; a discriminator set to a value the spec does not map), which must read as the
 *       union's {@link UnknownVariant} case while the rest of the document still reads.
 * </ol>
 *
 * <p>Besides, every {@code oneOf} schema of the spec, whether or not an example carries it, gets a
 * test of its own: an object of an unknown variant reads as its {@link UnknownVariant} case keeping
 * the JSON, writes back unchanged, and is refused as part of a request body.
 *
 * <p>A property is optional when the schema that holds it does not list it in {@code required}, or
 * marks it {@code x-optional-on-read} (required in requests only).
 */
public final class TolerantReaderSuite {
  private static final String UNKNOWN = "aFieldFromTheFuture";
  private static final String UNKNOWN_VARIANT = "aVariantFromTheFuture";

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

  /**
   * One container per operation, one test per response example; then one container with a test per
   * {@code oneOf} schema of the spec.
   */
  public Stream<DynamicNode> tests() {
    List<DynamicNode> nodes = new ArrayList<>();
    List<DynamicNode> unions = new ArrayList<>();
    spec.schemas()
        .forEach(
            (name, schema) -> {
              if (!OpenApiDocument.list(schema.get("oneOf")).isEmpty()) {
                unions.add(
                    DynamicTest.dynamicTest(
                        name + " reads an unknown variant, keeping its JSON",
                        () -> checkUnion(name, schema)));
              }
            });
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
    if (!unions.isEmpty()) {
      nodes.add(DynamicContainer.dynamicContainer("oneOf schemas", unions));
    }
    return nodes.stream();
  }

  /** The names of the {@code oneOf} schemas of the spec, in document order. */
  public List<String> unions() {
    return spec.schemas().entrySet().stream()
        .filter(e -> !OpenApiDocument.list(e.getValue().get("oneOf")).isEmpty())
        .map(Map.Entry::getKey)
        .toList();
  }

  private void checkUnion(String name, Map<String, Object> schema) {
    Class<?> type;
    try {
      type = Class.forName(modelPackage + "." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("No generated model " + modelPackage + "." + name, e);
    }
    Map<String, Object> json = new LinkedHashMap<>(unknownVariant(schema, Map.of()));
    Object read = moshi.adapter(type).fromJsonValue(json);
    if (!(read instanceof UnknownVariant unknown)) {
      fail(name + ": " + json + " read as " + read + ", not as the unknown case");
      return;
    }
    if (!json.equals(unknown.json())) {
      fail(name + ": the unknown case kept " + unknown.json() + " instead of " + json);
    }
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);
    Object written = adapter.toJsonValue(read);
    if (!json.equals(written)) {
      fail(name + ": the unknown case wrote " + written + " instead of " + json);
    }
    try {
      RequestBodies.requireComplete(read);
      fail(name + ": the unknown case passes as a request body");
    } catch (JsonDataException expected) {
      // refused, as it must be
    }
  }

  /**
   * An object of a variant {@code union} does not know: the properties of {@code like} that every
   * variant declares, one property no variant declares, and the discriminator (if any) set to a
   * value the mapping lacks.
   */
  private Map<String, Object> unknownVariant(Map<String, Object> union, Map<?, ?> like) {
    Set<String> shared = null;
    for (Object candidate : OpenApiDocument.list(union.get("oneOf"))) {
      Set<String> names =
          OpenApiDocument.map(effective(spec.resolve(candidate), null).get("properties")).keySet();
      if (shared == null) {
        shared = new java.util.HashSet<>(names);
      } else {
        shared.retainAll(names);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : like.entrySet()) {
      if (shared != null && shared.contains(String.valueOf(entry.getKey()))) {
        out.put(String.valueOf(entry.getKey()), entry.getValue());
      }
    }
    out.put(UNKNOWN_VARIANT, Map.of("added", "by a newer server"));
    Object discriminator = OpenApiDocument.map(union.get("discriminator")).get("propertyName");
    if (discriminator != null) {
      out.put(String.valueOf(discriminator), UNKNOWN_VARIANT);
    }
    return out;
  }

  private void check(String what, Type type, Map<String, Object> schema, Object example) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(type);
    List<Variant> variants = new ArrayList<>();
    removals(schema, example, "$", example, variants);
    variants.add(
        new Variant("an unknown property added to every object", withUnknown(schema, example)));
    List<Variant> unknownVariants = new ArrayList<>();
    unionReplacements(schema, example, "$", example, unknownVariants);
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
    for (Variant variant : unknownVariants) {
      try {
        Object read = adapter.fromJsonValue(variant.json());
        if (read == null) {
          failures.add(variant.description() + ": parsed to null");
        } else if (!containsUnknown(read)) {
          failures.add(variant.description() + ": no unknown case in " + read);
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
              + (variants.size() + unknownVariants.size())
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

  /**
   * Adds, for every object in {@code node} whose schema is a {@code oneOf}, a copy of {@code root}
   * with that object replaced by one of an unknown variant.
   */
  private void unionReplacements(
      Map<String, Object> schemaNode, Object node, String path, Object root, List<Variant> out) {
    if (node instanceof List<?> list) {
      Map<String, Object> items = spec.resolve(effective(schemaNode, null).get("items"));
      for (int i = 0; i < list.size(); i++) {
        unionReplacements(items, list.get(i), path + "[" + i + "]", root, out);
      }
      return;
    }
    if (!(node instanceof Map<?, ?> object)) {
      return;
    }
    Map<String, Object> resolved = spec.resolve(schemaNode);
    if (!OpenApiDocument.list(resolved.get("oneOf")).isEmpty()) {
      out.add(
          new Variant(
              "an unknown oneOf variant at " + path,
              replaced(root, "$", path, unknownVariant(resolved, object))));
    }
    Map<String, Object> schema = effective(schemaNode, object.keySet());
    Map<String, Object> properties = OpenApiDocument.map(schema.get("properties"));
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Map<String, Object> childSchema =
          properties.containsKey(key)
              ? spec.resolve(properties.get(key))
              : spec.resolve(schema.get("additionalProperties"));
      unionReplacements(childSchema, entry.getValue(), path + "." + key, root, out);
    }
  }

  private static Object replaced(Object node, String path, String target, Object replacement) {
    if (path.equals(target)) {
      return replacement;
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> out.put(String.valueOf(k), replaced(v, path + "." + k, target, replacement)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(replaced(list.get(i), path + "[" + i + "]", target, replacement));
      }
      return out;
    }
    return node;
  }

  /** Whether a parsed model holds an {@link UnknownVariant} anywhere. */
  private static boolean containsUnknown(Object value) {
    if (value instanceof UnknownVariant) {
      return true;
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(TolerantReaderSuite::containsUnknown);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(TolerantReaderSuite::containsUnknown);
    }
    if (value != null && value.getClass().isRecord()) {
      for (java.lang.reflect.RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          if (containsUnknown(c.getAccessor().invoke(value))) {
            return true;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return false;
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
