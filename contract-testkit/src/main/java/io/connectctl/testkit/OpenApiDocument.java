package io.connectctl.testkit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Just enough of an OpenAPI 3 reader for the contract tests: operations, their parameters, request
 * and response examples, with local {@code $ref}s resolved.
 */
public final class OpenApiDocument {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final Map<String, Object> root;

  private OpenApiDocument(Map<String, Object> root) {
    this.root = root;
  }

  /** Reads a YAML or JSON spec. */
  @SuppressWarnings("unchecked")
  public static OpenApiDocument read(Path spec) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(20 * 1024 * 1024);
    try (Reader reader = Files.newBufferedReader(spec)) {
      Yaml yaml =
          new Yaml(
              new SafeConstructor(options),
              new Representer(new DumperOptions()),
              new DumperOptions(),
              options,
              new JsonCompatibleResolver());
      return new OpenApiDocument((Map<String, Object>) yaml.load(reader));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + spec, e);
    }
  }

  /** Every operation, in document order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, Object> path : map(root.get("paths")).entrySet()) {
      Map<String, Object> item = map(path.getValue());
      List<Object> shared = list(item.get("parameters"));
      for (Map.Entry<String, Object> entry : item.entrySet()) {
        if (METHODS.contains(entry.getKey())) {
          operations.add(
              new Operation(
                  path.getKey(), entry.getKey().toUpperCase(), map(entry.getValue()), shared));
        }
      }
    }
    return operations;
  }

  /** The component schemas by name, in document order. */
  public Map<String, Map<String, Object>> schemas() {
    Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
    map(map(root.get("components")).get("schemas")).forEach((k, v) -> out.put(k, map(v)));
    return out;
  }

  /** Follows a local {@code $ref} (repeatedly) and returns the target object. */
  public Map<String, Object> resolve(Object node) {
    Map<String, Object> current = map(node);
    int hops = 0;
    while (current.containsKey("$ref")) {
      String ref = (String) current.get("$ref");
      if (!ref.startsWith("#/") || ++hops > 20) {
        throw new IllegalStateException("Unsupported $ref " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target).get(part.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null) {
        throw new IllegalStateException("Dangling $ref " + ref);
      }
      current = map(target);
    }
    return current;
  }

  /** The component schema name a schema node refers to, if it is a {@code $ref}. */
  public static Optional<String> schemaName(Object schema) {
    if (schema instanceof Map<?, ?> m
        && m.get("$ref") instanceof String ref
        && ref.startsWith("#/components/schemas/")) {
      return Optional.of(ref.substring("#/components/schemas/".length()));
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> ? (List<Object>) node : List.of();
  }

  /** One operation of the spec. */
  public final class Operation {
    private final String path;
    private final String method;
    private final Map<String, Object> node;
    private final List<Object> sharedParameters;

    Operation(String path, String method, Map<String, Object> node, List<Object> sharedParameters) {
      this.path = path;
      this.method = method;
      this.node = node;
      this.sharedParameters = sharedParameters;
    }

    /** The operationId. */
    public String id() {
      return (String) node.get("operationId");
    }

    /** The path template, e.g. {@code /v1/things/{id}}. */
    public String path() {
      return path;
    }

    /** The HTTP method, upper case. */
    public String method() {
      return method;
    }

    /** Parameters (path-level and operation-level, resolved) by {@code in:name}. */
    public Map<String, Map<String, Object>> parameters() {
      Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
      for (Object p : sharedParameters) {
        Map<String, Object> resolved = resolve(p);
        parameters.put(resolved.get("in") + ":" + resolved.get("name"), resolved);
      }
      for (Object p : list(node.get("parameters"))) {
        Map<String, Object> resolved = resolve(p);
        parameters.put(resolved.get("in") + ":" + resolved.get("name"), resolved);
      }
      return parameters;
    }

    /**
     * The example value of a parameter ({@code example}, else the schema's {@code example} or
     * {@code default}).
     */
    public Object parameterExample(Map<String, Object> parameter) {
      if (parameter.containsKey("example")) {
        return parameter.get("example");
      }
      Map<String, Object> schema = resolve(parameter.get("schema"));
      return schema.containsKey("example") ? schema.get("example") : schema.get("default");
    }

    /** The JSON request body's schema node, if there is a body. */
    public Optional<Map<String, Object>> requestSchema() {
      return jsonContent(resolve(node.get("requestBody"))).map(c -> map(c.get("schema")));
    }

    /** Named request examples (resolved to their values). */
    public Map<String, Object> requestExamples() {
      return jsonContent(resolve(node.get("requestBody")))
          .map(OpenApiDocument.this::examples)
          .orElse(Map.of());
    }

    /** Response status codes as written in the spec ({@code 200}, {@code 404}, {@code default}). */
    public List<String> responseCodes() {
      return new ArrayList<>(map(node.get("responses")).keySet());
    }

    /** The JSON schema node of a response, if it has a body. */
    public Optional<Map<String, Object>> responseSchema(String code) {
      return jsonContent(resolve(map(node.get("responses")).get(code)))
          .map(c -> map(c.get("schema")));
    }

    /** Named examples of a response (resolved to their values). */
    public Map<String, Object> responseExamples(String code) {
      return jsonContent(resolve(map(node.get("responses")).get(code)))
          .map(OpenApiDocument.this::examples)
          .orElse(Map.of());
    }

    /** Header names a response declares. */
    public Set<String> responseHeaders(String code) {
      return map(resolve(map(node.get("responses")).get(code)).get("headers")).keySet();
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + id() + ")";
    }
  }

  private Optional<Map<String, Object>> jsonContent(Map<String, Object> bodyOrResponse) {
    Map<String, Object> content = map(bodyOrResponse.get("content"));
    for (Map.Entry<String, Object> entry : content.entrySet()) {
      if (entry.getKey().contains("json")) {
        return Optional.of(map(entry.getValue()));
      }
    }
    return Optional.empty();
  }

  private Map<String, Object> examples(Map<String, Object> mediaType) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(mediaType.get("examples")).entrySet()) {
      out.put(e.getKey(), resolve(e.getValue()).get("value"));
    }
    if (out.isEmpty() && mediaType.containsKey("example")) {
      out.put("example", mediaType.get("example"));
    }
    return out;
  }

  /**
   * Reads scalars the way Prism (YAML 1.2, JSON schema) does: timestamps stay strings and only
   * true/false are booleans, so examples compare equal to what Prism serves.
   */
  static final class JsonCompatibleResolver extends Resolver {
    private static final Pattern JSON_BOOL =
        Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, JSON_BOOL, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
