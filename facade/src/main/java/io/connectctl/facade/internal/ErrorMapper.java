package io.connectctl.facade.internal;

import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.ForbiddenException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.RateLimitedException;
import io.connectctl.facade.errors.RequestTimeoutException;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.errors.UnexpectedResponseException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Classifies failures: by HTTP status first, then enriched from the vendor's error body ({@link
 * VendorErrorBody}). An unexpected body (HTML from a proxy, empty, truncated JSON) still gives the
 * right kind, with a short excerpt.
 *
 * <p>The exception's {@code vendorCode} is {@link VendorErrorBody#qualifiedCode()}: the vendor's
 * code, followed by {@code /REASON_…} when a Redpanda ErrorInfo names a reason ({@code
 * NOT_FOUND/REASON_CONNECTOR_NOT_FOUND}). The request id comes from the {@code x-request-id} (or a
 * similar) header, else from the body's details. Known secrets are hidden from messages, vendor
 * messages and excerpts.
 */
public final class ErrorMapper {
  private static final int EXCERPT = 200;
  private static final int MESSAGE_LIMIT = 500;
  private static final int VIOLATIONS_SHOWN = 3;
  private static final List<String> REQUEST_ID_HEADERS =
      List.of(
          "x-request-id",
          "request-id",
          "x-server-request-id",
          "x-amzn-requestid",
          "x-correlation-id",
          "x-server-trace-id",
          "x-trace-id");
  private static final Pattern HTML_TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private ErrorMapper() {}

  /**
   * The exception for an HTTP error response.
   *
   * @param body the start of the error body (may be empty)
   * @param what what was being done, e.g. {@code pause connector 'orders'}
   * @param secrets strings to hide wherever they appear (credentials, secret values sent in the
   *     request)
   */
  public static ConnectCloudException fromResponse(
      Vendor vendor,
      int status,
      Headers headers,
      String body,
      String what,
      Collection<String> secrets) {
    VendorErrorBody error = VendorErrorBody.parse(vendor, body).redacted(secrets);
    // A Kafka Connect worker lists a refused config's errors one per line in its message: read
    // them as field violations (after redaction, so no secret value is split across lines), and
    // show the sentence before the list followed by the violations.
    Optional<WorkerConfigErrors> listed =
        error.violations().isEmpty() ? WorkerConfigErrors.parse(error.message()) : Optional.empty();
    List<FieldViolation> violations =
        listed.map(WorkerConfigErrors::violations).orElse(error.violations());
    VendorErrorBody shown =
        listed
            .map(
                l ->
                    new VendorErrorBody(
                        error.code(), error.reason(), l.summary(), violations, error.requestId()))
            .orElse(error);
    String requestId = requestId(headers);
    if (requestId.isEmpty()) {
      requestId = error.requestId();
    }
    String code = error.qualifiedCode();
    String message =
        vendor
            + ": "
            + what
            + " failed: HTTP "
            + status
            + describeCode(vendor, status, error)
            + ": "
            + detail(
                shown, body, secrets, listed.isPresent() ? Integer.MAX_VALUE : VIOLATIONS_SHOWN)
            + (requestId.isEmpty() ? "" : " (request id " + requestId + ")");
    ErrorContext context =
        ErrorContext.response(vendor, status)
            .withVendorError(code, error.message())
            .withRequestId(requestId);
    return switch (status) {
      case 400, 422 -> new InvalidRequestException(message, context, violations);
      case 401 -> new UnauthorizedException(message, context, null);
      case 403 -> new ForbiddenException(message, context, null);
      case 404 -> new NotFoundException(message, context, null);
      case 409 -> new ConflictException(message, context, null);
      case 429 ->
          new RateLimitedException(
              message, context, RetryAfter.parse(headers).orElse(Duration.ZERO));
      case 408, 504 -> new RequestTimeoutException(message, context, null);
      default ->
          status >= 500
              ? new ServerErrorException(message, context, null)
              : new InvalidRequestException(message, context, violations);
    };
  }

  /** The exception for a transport failure. */
  public static ConnectCloudException fromIOException(Vendor vendor, IOException e, String what) {
    return fromIOException(vendor, e, what, "");
  }

  /**
   * The exception for a transport failure on the way to {@code url} (named at the end of the
   * message when given).
   */
  public static ConnectCloudException fromIOException(
      Vendor vendor, IOException e, String what, String url) {
    if (e instanceof SSLException ssl) {
      String explained =
          ssl instanceof TlsFailures.TlsFailureException
              ? ssl.getMessage()
              : TlsFailures.explainDefault(ssl, server(url));
      return new NetworkException(
          vendor + ": " + what + " failed: " + explained + (url.isEmpty() ? "" : " (" + url + ")"),
          ErrorContext.of(vendor),
          e);
    }
    String cause =
        e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + (url.isEmpty() ? "" : " (" + url + ")");
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException(
          vendor + ": " + what + " timed out (" + cause + ")", ErrorContext.of(vendor), e);
    }
    return new NetworkException(
        vendor + ": " + what + " failed: " + cause, ErrorContext.of(vendor), e);
  }

  /** {@code host:port} of {@code url}, or {@code url} itself when it does not parse. */
  private static String server(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null ? url : parsed.host() + ":" + parsed.port();
  }

  /** The exception for a 2xx response whose body does not match the API. */
  public static ConnectCloudException fromMalformedBody(Vendor vendor, Exception e, String what) {
    return new UnexpectedResponseException(
        vendor + ": " + what + ": the response did not match the API: " + e.getMessage(),
        vendor,
        e);
  }

  /** The request id the server sent in a header, empty if none. */
  static String requestId(Headers headers) {
    for (String name : REQUEST_ID_HEADERS) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return "";
  }

  /**
   * A short one-line excerpt of a raw body: whitespace collapsed, an HTML page reduced to its title
   * (or its text), cut to 200 characters. Callers hide secrets first.
   */
  public static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body;
    if (text.stripLeading().startsWith("<")) {
      Matcher title = HTML_TITLE.matcher(text);
      text = title.find() ? title.group(1) : text.replaceAll("(?s)<[^>]*>", " ");
    }
    return cut(text.replaceAll("\\s+", " ").trim(), EXCERPT);
  }

  private static String describeCode(Vendor vendor, int status, VendorErrorBody error) {
    String code = error.code();
    Optional<String> described =
        code.isEmpty() ? Optional.empty() : vendor.rules().describeCode(code);
    if (described.isPresent()) {
      code = described.get();
    } else if (code.equals(Integer.toString(status))) {
      code = "";
    }
    String reason = error.reason();
    String both = code.isEmpty() ? reason : reason.isEmpty() ? code : code + " " + reason;
    return both.isEmpty() ? "" : " " + both;
  }

  /** What the vendor said, on one line, with at most {@code shownViolations} violations. */
  private static String detail(
      VendorErrorBody error, String body, Collection<String> secrets, int shownViolations) {
    if (error.isEmpty()) {
      String excerpt = excerpt(Redaction.redactSecrets(body == null ? "" : body, secrets));
      return excerpt.isEmpty() ? "(empty body)" : excerpt;
    }
    StringBuilder out =
        new StringBuilder(cut(error.message().replaceAll("\\s+", " ").trim(), MESSAGE_LIMIT));
    List<FieldViolation> violations = error.violations();
    if (!violations.isEmpty()) {
      out.append(out.length() == 0 ? "" : " ").append('[');
      for (int i = 0; i < Math.min(shownViolations, violations.size()); i++) {
        FieldViolation v = violations.get(i);
        out.append(i == 0 ? "" : "; ")
            .append(v.field().isEmpty() ? "" : v.field() + ": ")
            .append(v.description());
      }
      out.append(
          violations.size() > shownViolations
              ? "; and " + (violations.size() - shownViolations) + " more]"
              : "]");
    }
    return out.length() == 0 ? "(no message)" : out.toString();
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit) + "…";
  }
}
