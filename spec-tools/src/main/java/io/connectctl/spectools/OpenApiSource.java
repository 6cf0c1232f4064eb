package io.connectctl.spectools;

import io.connectctl.spectools.ApiModel.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads an OpenAPI 3 document (ours or a vendor's) into an {@link ApiModel}. */
public final class OpenApiSource {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Set<String> KEPT_FORMATS = Set.of("int64", "uint64", "date-time", "byte");
  private static final int MAX_DEPTH = 12;

  private final Map<String, Object> root;

  /** {@code readOnly} while reading a request body, {@code writeOnly} while reading a response. */
  private String skipped = "";

  private OpenApiSource(Map<String, Object> root) {
    this.root = root;
  }

  /**
   * The operations of {@code file} whose path starts with one of {@code scope} (all when {@code
   * scope} is empty).
   */
  public static ApiModel read(Path file, List<String> scope) {
    return new OpenApiSource(Yamls.read(file)).model(scope);
  }

  private ApiModel model(List<String> scope) {
    ApiModel model = ApiModel.empty();
    for (Map.Entry<String, Object> path : Yamls.map(root.get("paths")).entrySet()) {
      if (!scope.isEmpty() && scope.stream().noneMatch(path.getKey()::startsWith)) {
        continue;
      }
      Map<String, Object> item = resolve(path.getValue());
      for (Map.Entry<String, Object> entry : item.entrySet()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        Map<String, Object> op = Yamls.map(entry.getValue());
        ApiModel.Operation operation =
            ApiModel.Operation.named(Yamls.string(op.get("operationId")));
        List<Object> parameters = new ArrayList<>(Yamls.list(item.get("parameters")));
        parameters.addAll(Yamls.list(op.get("parameters")));
        for (Object p : parameters) {
          Map<String, Object> parameter = resolve(p);
          Map<String, Field> one = new TreeMap<>();
          flatten(
              parameter.get("schema"),
              "",
              Boolean.TRUE.equals(parameter.get("required")),
              one,
              0,
              new HashSet<>());
          Field field = one.getOrDefault("", new Field("any", "", false, List.of()));
          operation.parameters().put(parameter.get("in") + ":" + parameter.get("name"), field);
        }
        Map<String, Object> body = resolve(op.get("requestBody"));
        json(body).ifPresent(schema -> flattenBody(schema, operation.request(), "readOnly"));
        Map<String, Object> responses = new TreeMap<>(Yamls.map(op.get("responses")));
        // Without a 2xx answer, "default" is the answer (swagger-core's reader writes an
        // operation's
        // return type there when no status is annotated).
        boolean no2xx = responses.keySet().stream().noneMatch(k -> k.startsWith("2"));
        for (Map.Entry<String, Object> response : responses.entrySet()) {
          if (response.getKey().startsWith("2") || (no2xx && response.getKey().equals("default"))) {
            json(resolve(response.getValue()))
                .ifPresent(schema -> flattenBody(schema, operation.response(), "writeOnly"));
            break;
          }
        }
        model.operations().put(ApiModel.key(entry.getKey(), path.getKey()), operation);
      }
    }
    return model;
  }

  private java.util.Optional<Object> json(Map<String, Object> bodyOrResponse) {
    for (Map.Entry<String, Object> content : Yamls.map(bodyOrResponse.get("content")).entrySet()) {
      if (content.getKey().contains("json")) {
        Object schema = Yamls.map(content.getValue()).get("schema");
        return java.util.Optional.ofNullable(schema);
      }
    }
    return java.util.Optional.empty();
  }

  private void flattenBody(Object schema, Map<String, Field> out, String skipped) {
    this.skipped = skipped;
    Map<String, Field> all = new TreeMap<>();
    flatten(schema, "", true, all, 0, new HashSet<>());
    all.remove("");
    out.putAll(all);
  }

  /** Records {@code schema} at {@code path} and everything below it. */
  private void flatten(
      Object node,
      String path,
      boolean required,
      Map<String, Field> out,
      int depth,
      Set<String> refs) {
    if (node == null || depth > MAX_DEPTH) {
      return;
    }
    Map<String, Object> raw = Yamls.map(node);
    String ref = Yamls.string(raw.get("$ref"));
    if (!ref.isEmpty()) {
      if (!refs.add(ref)) {
        out.putIfAbsent(path, new Field("object", "", required, List.of()));
        return;
      }
      flatten(resolve(raw), path, required, out, depth, refs);
      refs.remove(ref);
      return;
    }
    List<Object> allOf = Yamls.list(raw.get("allOf"));
    if (!allOf.isEmpty()) {
      Map<String, Object> merged = new LinkedHashMap<>(raw);
      merged.remove("allOf");
      Map<String, Object> properties = new LinkedHashMap<>(Yamls.map(raw.get("properties")));
      List<Object> requiredList = new ArrayList<>(Yamls.list(raw.get("required")));
      Object type = raw.get("type");
      for (Object part : allOf) {
        Map<String, Object> p = resolve(part);
        properties.putAll(Yamls.map(p.get("properties")));
        requiredList.addAll(Yamls.list(p.get("required")));
        for (String k :
            List.of("type", "format", "enum", "items", "additionalProperties", "oneOf", "anyOf")) {
          if (p.containsKey(k) && !merged.containsKey(k)) {
            merged.put(k, p.get(k));
          }
        }
        if (type == null) {
          type = p.get("type");
        }
      }
      if (!properties.isEmpty()) {
        merged.put("properties", properties);
        merged.put("type", "object");
      }
      merged.put("required", requiredList);
      flatten(merged, path, required, out, depth, refs);
      return;
    }
    List<Object> oneOf = new ArrayList<>(Yamls.list(raw.get("oneOf")));
    oneOf.addAll(Yamls.list(raw.get("anyOf")));
    if (!oneOf.isEmpty()) {
      out.put(path, new Field("object", "", required, List.of()));
      List<Map<String, Field>> variants = new ArrayList<>();
      for (Object variant : oneOf) {
        Map<String, Field> one = new TreeMap<>();
        flatten(variant, path, required, one, depth + 1, refs);
        variants.add(one);
      }
      Map<String, Field> merged = new TreeMap<>();
      for (Map<String, Field> variant : variants) {
        variant.forEach(
            (k, f) ->
                merged.merge(
                    k,
                    f,
                    (a, b) ->
                        new Field(
                            a.type(),
                            a.format(),
                            a.required() && b.required(),
                            union(a.enumValues(), b.enumValues()))));
      }
      merged.forEach(
          (k, f) -> {
            // Required-ness is relative to the parent: only the variants' own properties become
            // optional when some
            // variants lack them; deeper fields keep theirs.
            boolean inAll = variants.stream().allMatch(v -> v.containsKey(k));
            boolean direct = !k.equals(path) && isDirectChild(path, k);
            out.put(
                k, inAll || !direct ? f : new Field(f.type(), f.format(), false, f.enumValues()));
          });
      out.put(
          path,
          new Field(
              oneOf.stream()
                      .map(this::resolve)
                      .allMatch(v -> "object".equals(v.get("type")) || v.containsKey("properties"))
                  ? "object"
                  : typeOf(raw),
              "",
              required,
              List.of()));
      return;
    }
    String type = typeOf(raw);
    List<String> enums = Yamls.list(raw.get("enum")).stream().map(String::valueOf).toList();
    String format =
        KEPT_FORMATS.contains(Yamls.string(raw.get("format")))
            ? Yamls.string(raw.get("format"))
            : "";
    Map<String, Object> properties = Yamls.map(raw.get("properties"));
    Object additional = raw.get("additionalProperties");
    if ("object".equals(type)
        && (additional instanceof Map<?, ?> a && !a.isEmpty()
            || Boolean.TRUE.equals(additional) && !properties.isEmpty())) {
      // A map with free keys; named properties next to it only document well-known keys.
      out.put(path, new Field("map", "", required, List.of()));
      if (additional instanceof Map<?, ?>) {
        flatten(additional, path + "{}", true, out, depth + 1, refs);
      }
      return;
    }
    out.put(path, new Field(type, format, required, enums));
    if ("array".equals(type)) {
      flatten(raw.get("items"), path + "[]", true, out, depth + 1, refs);
    }
    Set<String> requiredNames = new HashSet<>();
    Yamls.list(raw.get("required")).forEach(r -> requiredNames.add(String.valueOf(r)));
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      if (Boolean.TRUE.equals(resolveShallow(property.getValue()).get(skipped))) {
        continue;
      }
      String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      boolean optionalOnRead =
          "writeOnly".equals(skipped)
              && Boolean.TRUE.equals(Yamls.map(property.getValue()).get("x-optional-on-read"));
      flatten(
          property.getValue(),
          child,
          requiredNames.contains(property.getKey()) && !optionalOnRead,
          out,
          depth + 1,
          refs);
    }
  }

  private static boolean isDirectChild(String parent, String child) {
    String rest =
        parent.isEmpty()
            ? child
            : child.startsWith(parent + ".") ? child.substring(parent.length() + 1) : null;
    return rest != null && !rest.contains(".") && !rest.contains("[]") && !rest.contains("{}");
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    b.stream().filter(v -> !out.contains(v)).forEach(out::add);
    return out;
  }

  private String typeOf(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof List<?> types) {
      type =
          types.stream()
              .map(String::valueOf)
              .filter(t -> !"null".equals(t))
              .findFirst()
              .orElse("any");
    }
    if (type == null) {
      if (schema.containsKey("properties") || schema.containsKey("additionalProperties")) {
        return "object";
      }
      return schema.containsKey("items") ? "array" : "any";
    }
    return String.valueOf(type);
  }

  /**
   * The property itself, or for a one-element {@code allOf} wrapper, what it wraps (flags may sit
   * on either).
   */
  private Map<String, Object> resolveShallow(Object node) {
    Map<String, Object> raw = Yamls.map(node);
    if (raw.containsKey(skipped)) {
      return raw;
    }
    List<Object> allOf = Yamls.list(raw.get("allOf"));
    return allOf.size() == 1 ? resolve(allOf.get(0)) : resolve(raw);
  }

  /** Follows local {@code $ref}s. */
  private Map<String, Object> resolve(Object node) {
    Map<String, Object> current = Yamls.map(node);
    for (int hops = 0; current.containsKey("$ref") && hops < 32; hops++) {
      String ref = Yamls.string(current.get("$ref"));
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("Only local $refs are supported: " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = Yamls.map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null) {
        throw new IllegalArgumentException("Dangling $ref " + ref);
      }
      current = Yamls.map(target);
    }
    return current;
  }
}
