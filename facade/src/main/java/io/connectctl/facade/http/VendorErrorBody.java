package io.connectctl.facade.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.connectctl.facade.FieldViolation;
import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code, message and field violations of a vendor error body, whichever of the known shapes it has:
 * Redpanda {@code {code:"NOT_FOUND", message, details:[…]}}, Confluent {@code {error:{code, message}}},
 * {@code {code, message}} or {@code {error_code, message}}, Yandex {@code {code: 5, message, details}}.
 *
 * @param code the vendor's code as text, empty if none
 * @param message the vendor's message, empty if none
 * @param violations field violations found in the details
 */
public record VendorErrorBody(String code, String message, List<FieldViolation> violations) {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** Parses leniently: an unreadable body gives empty values. */
  public static VendorErrorBody parse(Vendor vendor, String body) {
    if (body == null || body.isBlank()) {
      return new VendorErrorBody("", "", List.of());
    }
    Object json;
    try {
      json = JSON.fromJson(body);
    } catch (Exception notJson) {
      return new VendorErrorBody("", "", List.of());
    }
    if (!(json instanceof Map<?, ?> map)) {
      return new VendorErrorBody("", "", List.of());
    }
    Object nested = map.get("error");
    Map<?, ?> source = nested instanceof Map<?, ?> inner ? inner : map;
    Object code = source.get("code");
    if (code == null) {
      code = source.get("error_code");
    }
    Object message = source.get("message");
    return new VendorErrorBody(text(code), message == null ? "" : message.toString(), violations(map.get("details")));
  }

  private static String text(Object code) {
    if (code == null) {
      return "";
    }
    if (code instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return code.toString();
  }

  private static List<FieldViolation> violations(Object details) {
    List<FieldViolation> out = new ArrayList<>();
    if (details instanceof List<?> list) {
      for (Object detail : list) {
        if (detail instanceof Map<?, ?> d) {
          Object fieldViolations = d.get("field_violations");
          if (fieldViolations == null) {
            fieldViolations = d.get("fieldViolations");
          }
          if (fieldViolations instanceof List<?> fvs) {
            for (Object fv : fvs) {
              if (fv instanceof Map<?, ?> v) {
                out.add(ErrorMapper.violation(v.get("field"), v.get("description")));
              }
            }
          }
        }
      }
    }
    return out;
  }
}
