package io.connectctl.facade.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.FieldViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a vendor error body says, whichever of the known shapes it has:
 *
 * <ul>
 *   <li>Redpanda (grpc-gateway): {@code {"code": "NOT_FOUND", "message": …, "details": [{"@type":
 *       "type.googleapis.com/google.rpc.ErrorInfo", "reason": "REASON_…", …}, {"@type":
 *       "….BadRequest", "field_violations": [{"field", "description"}]}]}}
 *   <li>Confluent: {@code {"error": {"code": 404, "message": …}}}, {@code {"code": 400, "message":
 *       …}} or {@code {"error_code": 500, "message": …}}, and the JSON:API style {@code {"errors":
 *       [{"code", "detail", "source": {"pointer"}}]}}
 *   <li>Yandex: {@code {"code": 5, "message": …, "details": [{"@type": "….RequestInfo",
 *       "requestId": …}]}}
 *   <li>OAuth2 token endpoints: {@code {"error": "invalid_client", "error_description": …}}
 * </ul>
 *
 * Anything else (HTML from a proxy, an empty or truncated body) gives empty values; {@link
 * ErrorMapper} then shows an excerpt of the raw body instead.
 *
 * @param code the vendor's code as text ({@code NOT_FOUND}, {@code 5}, {@code 404}), empty if none
 * @param reason the {@code google.rpc.ErrorInfo} reason ({@code REASON_CONNECTOR_NOT_FOUND}), empty
 *     if none
 * @param message the vendor's message, empty if none
 * @param violations the field violations listed in the details
 * @param requestId the request id found in the body ({@code google.rpc.RequestInfo}), empty if none
 */
public record VendorErrorBody(
    String code, String reason, String message, List<FieldViolation> violations, String requestId) {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final java.util.regex.Pattern HTML_PAGE =
      java.util.regex.Pattern.compile(
          "\\s*<(!doctype|html|head|body|title|h[1-6])\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final VendorErrorBody EMPTY = new VendorErrorBody("", "", "", List.of(), "");

  /** Replaces absent values with empty ones. */
  public VendorErrorBody {
    code = Objects.requireNonNullElse(code, "");
    reason = Objects.requireNonNullElse(reason, "");
    message = Objects.requireNonNullElse(message, "");
    violations = violations == null ? List.of() : List.copyOf(violations);
    requestId = Objects.requireNonNullElse(requestId, "");
  }

  /**
   * Parses leniently: a body in none of the known shapes gives empty values.
   *
   * @param vendor the vendor that answered (the shapes are recognised whichever it is)
   */
  public static VendorErrorBody parse(Vendor vendor, String body) {
    if (body == null || body.isBlank()) {
      return EMPTY;
    }
    Object json;
    try {
      json = JSON.fromJson(body);
    } catch (Exception notJson) {
      return EMPTY;
    }
    return json instanceof Map<?, ?> map ? fromMap(map) : EMPTY;
  }

  /**
   * The code to report as {@code vendorCode}: the code alone, or {@code CODE/REASON} when the
   * details name an ErrorInfo reason (Redpanda: {@code NOT_FOUND/REASON_CONNECTOR_NOT_FOUND}).
   */
  public String qualifiedCode() {
    if (reason.isEmpty()) {
      return code;
    }
    return code.isEmpty() ? reason : code + "/" + reason;
  }

  /** Whether nothing was recognised. */
  public boolean isEmpty() {
    return code.isEmpty() && reason.isEmpty() && message.isEmpty() && violations.isEmpty();
  }

  /** A copy with every known secret hidden from the message and the violations. */
  public VendorErrorBody redacted(Collection<String> secrets) {
    List<FieldViolation> safe = new ArrayList<>();
    for (FieldViolation v : violations) {
      safe.add(new FieldViolation(v.field(), Redaction.redactSecrets(v.description(), secrets)));
    }
    return new VendorErrorBody(
        code, reason, Redaction.redactSecrets(message, secrets), safe, requestId);
  }

  private static VendorErrorBody fromMap(Map<?, ?> map) {
    Object error = map.get("error");
    if (error instanceof Map<?, ?> inner) {
      return withDetails(inner, map);
    }
    if (error instanceof String oauthError) {
      return new VendorErrorBody(oauthError, "", text(map.get("error_description")), List.of(), "");
    }
    if (map.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      return fromJsonApiErrors(errors);
    }
    return withDetails(map, map);
  }

  /**
   * Reads code and message from {@code source}, and details from {@code source} or, failing that,
   * {@code root}.
   */
  private static VendorErrorBody withDetails(Map<?, ?> source, Map<?, ?> root) {
    Object code = source.containsKey("code") ? source.get("code") : source.get("error_code");
    Object details = source.get("details") != null ? source.get("details") : root.get("details");
    DetailReader reader = new DetailReader();
    if (details instanceof List<?> list) {
      list.forEach(reader::read);
    }
    return new VendorErrorBody(
        text(code),
        reader.reason,
        readable(text(source.get("message"))),
        reader.violations,
        reader.requestId);
  }

  private static VendorErrorBody fromJsonApiErrors(List<?> errors) {
    String code = "";
    List<String> messages = new ArrayList<>();
    List<FieldViolation> violations = new ArrayList<>();
    for (Object e : errors) {
      if (e instanceof Map<?, ?> m) {
        if (code.isEmpty()) {
          code = text(m.get("code") != null ? m.get("code") : m.get("status"));
        }
        String detail = text(m.get("detail") != null ? m.get("detail") : m.get("title"));
        if (!detail.isEmpty()) {
          messages.add(detail);
        }
        if (m.get("source") instanceof Map<?, ?> source && source.get("pointer") != null) {
          violations.add(new FieldViolation(text(source.get("pointer")), detail));
        }
      }
    }
    return new VendorErrorBody(code, "", String.join("; ", messages), violations, "");
  }

  /** Collects what the {@code details} entries say. */
  private static final class DetailReader {
    String reason = "";
    String requestId = "";
    final List<FieldViolation> violations = new ArrayList<>();

    void read(Object detail) {
      if (!(detail instanceof Map<?, ?> d)) {
        return;
      }
      String type = text(d.get("@type"));
      if (type.endsWith("ErrorInfo") && reason.isEmpty()) {
        reason = text(d.get("reason"));
      }
      if (requestId.isEmpty()) {
        requestId = text(d.get("requestId") != null ? d.get("requestId") : d.get("request_id"));
      }
      Object fieldViolations =
          d.get("field_violations") != null ? d.get("field_violations") : d.get("fieldViolations");
      if (fieldViolations instanceof List<?> fvs) {
        for (Object fv : fvs) {
          if (fv instanceof Map<?, ?> v) {
            violations.add(new FieldViolation(text(v.get("field")), text(v.get("description"))));
          }
        }
      }
    }
  }

  /**
   * {@code message}, or when it is an HTML error page (a proxy's or a web server's, passed on in a
   * JSON message by a gateway) its title, or its text without the markup.
   */
  static String readable(String message) {
    return HTML_PAGE.matcher(message).lookingAt() ? ErrorMapper.excerpt(message) : message;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return value instanceof Map || value instanceof List ? "" : value.toString();
  }
}
