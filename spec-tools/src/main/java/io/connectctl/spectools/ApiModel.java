package io.connectctl.spectools;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vendor-neutral picture of an HTTP API, the common ground on which a curated spec and a vendor's
 * own definition (OpenAPI or protobuf) are compared: operations keyed by method and path shape,
 * their parameters, and the request and response bodies flattened into field paths ({@code
 * connector.config{}}, {@code tasks[].state}).
 *
 * @param operations keyed by {@link #key(String, String)}
 */
public record ApiModel(Map<String, Operation> operations) {
  /** An empty model to fill. */
  public static ApiModel empty() {
    return new ApiModel(new TreeMap<>());
  }

  /**
   * {@code GET /v1/clusters/{}/connectors}: path parameter names are dropped, they differ between
   * sources.
   */
  public static String key(String method, String path) {
    return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  /**
   * One operation.
   *
   * @param id the operation id (or RPC name) in its source
   * @param parameters path, query and header parameters keyed by {@code in:name}
   * @param request the request body's fields (empty when there is none)
   * @param response the fields of the first success response's body
   */
  public record Operation(
      String id,
      Map<String, Field> parameters,
      Map<String, Field> request,
      Map<String, Field> response) {
    /** An operation with empty maps to fill. */
    public static Operation named(String id) {
      return new Operation(id, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
  }

  /**
   * One parameter or body field.
   *
   * @param type the JSON type: string, integer, number, boolean, object, array, map (an object
   *     keyed by free names), or {@code any}
   * @param format the string/number format where it matters on the wire (int64, date-time …), else
   *     empty
   * @param required whether it must be present
   * @param enumValues the values of an enum, else empty
   */
  public record Field(String type, String format, boolean required, List<String> enumValues) {
    /** Type and format, for messages: {@code string(int64)}. */
    public String shape() {
      return format.isEmpty() ? type : type + "(" + format + ")";
    }
  }
}
