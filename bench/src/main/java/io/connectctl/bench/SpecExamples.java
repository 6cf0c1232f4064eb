package io.connectctl.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.connectctl.testkit.OpenApiDocument;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Response bodies taken from the curated specs' own examples, so the mock servers answer with what
 * the vendors send. A {@link Template} is one connector entry whose name can be replaced, to
 * generate large listings.
 */
public final class SpecExamples {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final OpenApiDocument spec;

  private SpecExamples(OpenApiDocument spec) {
    this.spec = spec;
  }

  /** The examples of one spec, e.g. {@code Specs.REDPANDA}. */
  public static SpecExamples of(String relativeSpec) {
    return new SpecExamples(OpenApiDocument.read(Specs.path(relativeSpec)));
  }

  /** The spec's operations. */
  public List<OpenApiDocument.Operation> operations() {
    return spec.operations();
  }

  /** One named example of an operation's response, as a value tree. */
  public Object example(String operationId, String code, String name) {
    OpenApiDocument.Operation op = operation(operationId);
    Object value = op.responseExamples(code).get(name);
    if (value == null) {
      throw new IllegalStateException(
          operationId + " has no " + code + " example '" + name + "' in the spec");
    }
    return value;
  }

  /** One named example of an operation's response, as JSON bytes. */
  public byte[] exampleJson(String operationId, String code, String name) {
    return json(example(operationId, code, name));
  }

  /** The operation with this id. */
  public OpenApiDocument.Operation operation(String operationId) {
    return spec.operations().stream()
        .filter(o -> operationId.equals(o.id()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("No operation " + operationId + " in the spec"));
  }

  /** JSON for a value tree. */
  public static byte[] json(Object value) {
    return JSON.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The connector entries of a list example, found under {@code field} (e.g. {@code connectors}),
   * as templates.
   */
  @SuppressWarnings("unchecked")
  public List<Template> listItems(String operationId, String field, String... exampleNames) {
    List<Template> templates = new ArrayList<>();
    for (String example : exampleNames) {
      Map<String, Object> page = (Map<String, Object>) example(operationId, "200", example);
      for (Object item : (List<Object>) page.get(field)) {
        String name = (String) ((Map<String, Object>) item).get("name");
        templates.add(Template.of(JSON.toJson(item), name));
      }
    }
    return templates;
  }

  /**
   * The entries of a map-shaped example (Confluent's expanded listing) as {@code "name":{…}}
   * templates.
   */
  @SuppressWarnings("unchecked")
  public List<Template> mapEntries(String operationId, String exampleName) {
    List<Template> templates = new ArrayList<>();
    Map<String, Object> map = (Map<String, Object>) example(operationId, "200", exampleName);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put(entry.getKey(), entry.getValue());
      String json = JSON.toJson(one);
      templates.add(Template.of(json.substring(1, json.length() - 1), entry.getKey()));
    }
    return templates;
  }

  /**
   * A JSON fragment with every string value equal to the example connector's name cut out, so the
   * fragment can be written for any other name.
   */
  public static final class Template {
    private final byte[][] parts;

    private Template(byte[][] parts) {
      this.parts = parts;
    }

    static Template of(String json, String name) {
      String[] pieces = json.split(Pattern.quote("\"" + name + "\""), -1);
      byte[][] parts = new byte[pieces.length][];
      for (int i = 0; i < pieces.length; i++) {
        parts[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
      }
      return new Template(parts);
    }

    /** Writes the fragment with {@code name} in place of the example's name. */
    public void writeTo(OutputStream out, String name) throws IOException {
      byte[] quoted = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          out.write(quoted);
        }
        out.write(parts[i]);
      }
    }

    /** The fragment's size for a name of {@code nameLength} characters. */
    public int size(int nameLength) {
      int size = 0;
      for (byte[] part : parts) {
        size += part.length;
      }
      return size + (parts.length - 1) * (nameLength + 2);
    }
  }
}
