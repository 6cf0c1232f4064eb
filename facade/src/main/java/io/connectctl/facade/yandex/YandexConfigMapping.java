package io.connectctl.facade.yandex;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.connectctl.client.runtime.MissingRequiredFieldException;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.runtime.RequestBodies;
import io.connectctl.client.yandex.model.Connector;
import io.connectctl.client.yandex.model.ConnectorSpec;
import io.connectctl.client.yandex.model.UpdateConnectorSpec;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yandex's typed connector spec as the flat string map every vendor shares ({@link
 * io.connectctl.facade.Connector#config()}), and back. The mapping is lossless: {@code toSpec(name,
 * flatten(spec))} gives {@code spec} again.
 *
 * <p>Flattening rules (the keys are JSON paths below the connector spec, joined with dots):
 *
 * <ul>
 *   <li>{@code tasksMax}: the task limit (an int64, written as decimal text).
 *   <li>{@code properties.<key>}: one entry per extra Kafka Connect property; {@code <key>} is
 *       taken verbatim and may itself contain dots ({@code properties.sync.topics.config.enabled}).
 *   <li>The one typed config, flattened leaf by leaf: {@code connectorConfigMirrormaker.topics},
 *       {@code connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers}, {@code
 *       connectorConfigS3Sink.s3Connection.externalS3.endpoint}, {@code
 *       connectorConfigIcebergSink.tablesConfig.evolveSchemaEnabled} … Every value is text: strings
 *       as they are, int64 fields as decimal digits, booleans as {@code true}/{@code false}, enums
 *       by their wire value.
 *   <li>An empty JSON object is kept as the value {@value #EMPTY_OBJECT}: MirrorMaker's "the
 *       hosting cluster" marker is {@code connectorConfigMirrormaker.targetCluster.thisCluster =
 *       {}}.
 *   <li>Read-only fields ({@code name}, {@code clusterId}, {@code status}, {@code health}) are not
 *       config: the name is the connector's name and the rest is status.
 *   <li>Write-only secrets ({@code …externalCluster.saslPassword}, {@code
 *       …sslTruststoreCertificates}, {@code …externalS3.secretAccessKey}) are accepted in a config
 *       for create and update, but never appear in a config read from the server.
 * </ul>
 */
public final class YandexConfigMapping {
  /** The value standing for an empty JSON object, e.g. MirrorMaker's {@code thisCluster} marker. */
  public static final String EMPTY_OBJECT = "{}";

  /** The three typed config fields, one of which every connector has. */
  public static final List<String> KINDS =
      List.of("connectorConfigMirrormaker", "connectorConfigS3Sink", "connectorConfigIcebergSink");

  static final String TASKS_MAX = "tasksMax";
  static final String PROPERTIES = "properties";
  private static final String PROPERTIES_PREFIX = PROPERTIES + ".";
  private static final Set<String> READ_ONLY = Set.of("name", "clusterId", "status", "health");

  /** Generated-model JSON plus booleans written as text, since every flat value is a string. */
  private static final Moshi MOSHI =
      ModelJson.addTo(new Moshi.Builder().add(YandexConfigMapping::textBooleans)).build();

  private YandexConfigMapping() {}

  /** The flat config of a connector read from Yandex. */
  static Map<String, String> flatten(Connector connector) {
    return flattenJson(MOSHI.adapter(Connector.class).toJsonValue(connector));
  }

  /**
   * The flat config of a connector spec (the inverse of {@link #toSpec}); write-only secrets are
   * included.
   */
  static Map<String, String> flatten(ConnectorSpec spec) {
    return flattenJson(MOSHI.adapter(ConnectorSpec.class).toJsonValue(spec));
  }

  /**
   * The spec to create a connector {@code name} with {@code config}.
   *
   * @throws InvalidRequestException naming what is wrong: no or several typed configs, unknown
   *     keys, missing required fields, values of the wrong type
   */
  static ConnectorSpec toSpec(String name, Map<String, String> config) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", name);
    tree.putAll(unflatten(config));
    requireOneKind(name, tree);
    ConnectorSpec spec = read(name, ConnectorSpec.class, tree);
    Map<String, String> back = flatten(spec);
    List<String> unknown =
        config.keySet().stream().filter(k -> !back.containsKey(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw invalid(
          name,
          "unknown keys for a " + kind(config) + " connector: " + String.join(", ", unknown),
          unknown);
    }
    return spec;
  }

  /**
   * The update body carrying {@code config} (a whole, valid config; see {@link #toSpec}). Fields
   * Yandex cannot update (see {@link #isUpdatable}) are left out; the update mask decides which of
   * the rest are applied.
   */
  static UpdateConnectorSpec toUpdateSpec(String name, Map<String, String> config) {
    return read(name, UpdateConnectorSpec.class, unflatten(config));
  }

  /**
   * Whether a flat key names a field an update can change: S3 sinks' {@code fileCompressionType}
   * and Iceberg sinks' {@code staticTables}/{@code dynamicTables} are fixed at creation (they are
   * absent from the update model).
   */
  static boolean isUpdatable(String key) {
    if (key.startsWith(PROPERTIES_PREFIX)) {
      return true;
    }
    Type type = UpdateConnectorSpec.class;
    for (String segment : key.split("\\.", -1)) {
      Class<?> raw = Types.getRawType(type);
      if (Map.class.isAssignableFrom(raw) || raw == Object.class) {
        return true;
      }
      type = GeneratedModels.propertyType(raw, segment);
      if (type == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The typed config field a flat config uses ({@code connectorConfigS3Sink} …), or empty if none.
   */
  static String kind(Map<String, String> config) {
    for (String key : config.keySet()) {
      for (String kind : KINDS) {
        if (key.startsWith(kind + ".")) {
          return kind;
        }
      }
    }
    return "";
  }

  static Map<String, String> flattenJson(Object json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!(json instanceof Map<?, ?> root)) {
      return out;
    }
    root.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          if (READ_ONLY.contains(key) || key.startsWith("@")) {
            return;
          }
          if (key.equals(PROPERTIES) && v instanceof Map<?, ?> properties) {
            properties.forEach(
                (pk, pv) -> {
                  if (pv != null) {
                    out.put(PROPERTIES_PREFIX + pk, text(pv));
                  }
                });
          } else {
            flattenInto(out, key, v);
          }
        });
    return out;
  }

  private static void flattenInto(Map<String, String> out, String path, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Map<?, ?> object) {
      if (object.isEmpty()) {
        out.put(path, EMPTY_OBJECT);
      }
      object.forEach((k, v) -> flattenInto(out, path + "." + k, v));
    } else {
      out.put(path, text(value));
    }
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  /** Rebuilds the JSON tree of a flat config (without the name). */
  static Map<String, Object> unflatten(Map<String, String> config) {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, String> entry : config.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith(PROPERTIES_PREFIX) && key.length() > PROPERTIES_PREFIX.length()) {
        properties.put(key.substring(PROPERTIES_PREFIX.length()), entry.getValue());
        continue;
      }
      if (key.equals(PROPERTIES)
          || key.isEmpty()
          || key.startsWith(".")
          || key.endsWith(".")
          || key.contains("..")
          || entry.getValue() == null) {
        bad.add(key);
        continue;
      }
      if (!place(
          tree,
          key.split("\\."),
          EMPTY_OBJECT.equals(entry.getValue())
              ? new LinkedHashMap<String, Object>()
              : entry.getValue())) {
        bad.add(key);
      }
    }
    if (!bad.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          Vendor.YANDEX,
          "Invalid yandex config keys: "
              + String.join(", ", bad)
              + " (expected tasksMax, properties.<key> or dotted paths of the typed config, each with a value)",
          bad.get(0));
    }
    if (!properties.isEmpty()) {
      tree.put(PROPERTIES, properties);
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static boolean place(Map<String, Object> tree, String[] segments, Object value) {
    Map<String, Object> node = tree;
    for (int i = 0; i < segments.length - 1; i++) {
      Object child = node.computeIfAbsent(segments[i], s -> new LinkedHashMap<String, Object>());
      if (!(child instanceof Map)) {
        return false;
      }
      node = (Map<String, Object>) child;
    }
    String last = segments[segments.length - 1];
    Object existing = node.get(last);
    if (existing == null) {
      node.put(last, value);
      return true;
    }
    // "{}" beside deeper keys of the same object adds nothing; anything else is a clash
    return existing instanceof Map && value instanceof Map<?, ?> marker && marker.isEmpty();
  }

  private static void requireOneKind(String name, Map<String, Object> tree) {
    List<String> kinds = KINDS.stream().filter(tree::containsKey).toList();
    if (kinds.size() != 1) {
      throw invalid(
          name,
          (kinds.isEmpty()
                  ? "no typed config"
                  : "several typed configs (" + String.join(", ", kinds) + ")")
              + ": a yandex connector has exactly one of "
              + String.join(".*, ", KINDS)
              + ".*",
          List.of("config"));
    }
  }

  private static <T> T read(String name, Class<T> type, Map<String, Object> tree) {
    try {
      T model = MOSHI.adapter(type).fromJsonValue(tree);
      RequestBodies.requireComplete(model);
      return model;
    } catch (JsonDataException e) {
      String at = path(e.getMessage());
      if (e.getCause() instanceof MissingRequiredFieldException missing) {
        String field = at.isEmpty() ? missing.field() : at + "." + missing.field();
        throw invalid(name, field + " is required", List.of(field));
      }
      String problem = e.getMessage() == null ? "invalid value" : e.getMessage().replace("$.", "");
      throw invalid(name, problem, List.of(at.isEmpty() ? "config" : at));
    }
  }

  /**
   * The flat key of the Moshi path ({@code $.connectorConfigS3Sink.topics}) in a message, empty if
   * none.
   */
  private static String path(String message) {
    int at = message == null ? -1 : message.lastIndexOf("$.");
    if (at < 0) {
      return "";
    }
    String rest = message.substring(at + 2);
    int end = 0;
    while (end < rest.length()
        && (Character.isLetterOrDigit(rest.charAt(end)) || rest.charAt(end) == '.')) {
      end++;
    }
    return rest.substring(0, end);
  }

  private static InvalidRequestException invalid(String name, String problem, List<String> fields) {
    String message = "Invalid config for yandex connector '" + name + "': " + problem;
    List<FieldViolation> violations =
        fields.stream().map(f -> new FieldViolation(f, problem)).toList();
    return InvalidRequestException.beforeSending(Vendor.YANDEX, message, violations);
  }

  /** Reads booleans from {@code "true"}/{@code "false"} text as well as JSON booleans. */
  private static JsonAdapter<?> textBooleans(
      Type type, Set<? extends java.lang.annotation.Annotation> annotations, Moshi moshi) {
    if ((type != Boolean.class && type != boolean.class) || !annotations.isEmpty()) {
      return null;
    }
    return new JsonAdapter<Boolean>() {
      @Override
      public Boolean fromJson(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.STRING) {
          return reader.nextBoolean();
        }
        String text = reader.nextString();
        return switch (text) {
          case "true" -> true;
          case "false" -> false;
          default ->
              throw new JsonDataException(
                  "Expected true or false but was '" + text + "' at " + reader.getPath());
        };
      }

      @Override
      public void toJson(JsonWriter writer, Boolean value) throws IOException {
        writer.value(value);
      }
    }.nullSafe();
  }
}
