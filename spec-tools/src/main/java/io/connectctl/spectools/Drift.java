package io.connectctl.spectools;

import io.connectctl.spectools.ApiModel.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares a curated spec with a vendor's definition, both as {@link ApiModel}s. */
public final class Drift {
  private Drift() {}

  /**
   * One difference.
   *
   * @param kind what differs: {@code operation-added} (the vendor has it, we do not), {@code
   *     operation-gone} (we have it, the vendor does not), {@code
   *     parameter-added|gone|type|required|enum}, {@code request-field-…}, {@code response-field-…}
   * @param operation the operation key ({@code GET /v1/…/{}})
   * @param location the parameter ({@code query:page_size}) or field path ({@code tasks[].state}),
   *     empty for operations
   * @param detail what each side says
   */
  public record Finding(String kind, String operation, String location, String detail) {
    /** One line: {@code kind operation location (detail)}. */
    public String line() {
      return kind
          + "  "
          + operation
          + (location.isEmpty() ? "" : "  " + location)
          + (detail.isEmpty() ? "" : "  (" + detail + ")");
    }
  }

  /** Every difference between {@code ours} and {@code theirs}. */
  public static List<Finding> compare(ApiModel ours, ApiModel theirs) {
    List<Finding> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(ours.operations().keySet());
    keys.addAll(theirs.operations().keySet());
    for (String key : keys) {
      ApiModel.Operation a = ours.operations().get(key);
      ApiModel.Operation b = theirs.operations().get(key);
      if (a == null) {
        out.add(new Finding("operation-added", key, "", "vendor operation " + b.id()));
      } else if (b == null) {
        out.add(new Finding("operation-gone", key, "", "our operation " + a.id()));
      } else {
        fields("parameter", key, parameters(a.parameters()), parameters(b.parameters()), out);
        fields("request-field", key, a.request(), b.request(), out);
        fields("response-field", key, a.response(), b.response(), out);
      }
    }
    return out;
  }

  private static void fields(
      String what,
      String op,
      Map<String, Field> ours,
      Map<String, Field> theirs,
      List<Finding> out) {
    TreeSet<String> names = new TreeSet<>(ours.keySet());
    names.addAll(theirs.keySet());
    for (String name : names) {
      Field a = ours.get(name);
      Field b = theirs.get(name);
      if (a == null) {
        if (!covered(name, ours, theirs)) {
          out.add(
              new Finding(
                  what + "-added",
                  op,
                  name,
                  "vendor: " + b.shape() + (b.required() ? ", required" : "")));
        }
      } else if (b == null) {
        if (!covered(name, theirs, ours)) {
          out.add(
              new Finding(
                  what + "-gone",
                  op,
                  name,
                  "ours: " + a.shape() + (a.required() ? ", required" : "")));
        }
      } else {
        if (!compatibleTypes(a, b)) {
          out.add(
              new Finding(what + "-type", op, name, "ours " + a.shape() + ", vendor " + b.shape()));
        }
        if (a.required() != b.required()) {
          out.add(
              new Finding(
                  what + "-required",
                  op,
                  name,
                  "ours "
                      + (a.required() ? "required" : "optional")
                      + ", vendor "
                      + (b.required() ? "required" : "optional")));
        }
        List<String> added =
            b.enumValues().stream().filter(v -> !a.enumValues().contains(v)).toList();
        List<String> gone =
            a.enumValues().stream().filter(v -> !b.enumValues().contains(v)).toList();
        if (!a.enumValues().isEmpty() && !b.enumValues().isEmpty()) {
          if (!added.isEmpty()) {
            out.add(
                new Finding(
                    what + "-enum-added", op, name, "vendor also has " + String.join(", ", added)));
          }
          if (!gone.isEmpty()) {
            out.add(
                new Finding(
                    what + "-enum-gone", op, name, "vendor lacks " + String.join(", ", gone)));
          }
        }
      }
    }
  }

  /**
   * A field below one that the other side is missing is reported once, at the top; nothing is
   * reported below a value the other side leaves untyped ({@code google.protobuf.Any}, {@code
   * Struct}, a schema without a type).
   */
  private static boolean covered(
      String name, Map<String, Field> missingSide, Map<String, Field> presentSide) {
    for (String parent = parent(name); parent != null; parent = parent(parent)) {
      if (presentSide.containsKey(parent) && !missingSide.containsKey(parent)) {
        return true;
      }
      Field other = missingSide.get(parent);
      if (other != null && other.type().equals("any")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Query and path parameters travel as text: a 64-bit integer is an integer there, whatever JSON
   * makes of it. Path parameters are matched regardless of spelling ({@code shop_id} = {@code
   * shopId}): only their position matters.
   */
  private static Map<String, Field> parameters(Map<String, Field> parameters) {
    Map<String, Field> out = new java.util.TreeMap<>();
    parameters.forEach(
        (k, f) ->
            out.put(
                k.startsWith("path:") ? k.toLowerCase().replace("_", "").replace("-", "") : k,
                f.format().equals("int64")
                    ? new Field("integer", "", f.required(), f.enumValues())
                    : f));
    return out;
  }

  private static String parent(String path) {
    int cut =
        Math.max(path.lastIndexOf('.'), Math.max(path.lastIndexOf("[]"), path.lastIndexOf("{}")));
    if (cut <= 0) {
      return null;
    }
    return path.substring(0, cut);
  }

  private static boolean compatibleTypes(Field a, Field b) {
    if (a.type().equals("any") || b.type().equals("any")) {
      return true;
    }
    boolean int64a = a.format().equals("int64");
    boolean int64b = b.format().equals("int64");
    return a.type().equals(b.type()) && int64a == int64b;
  }
}
