package io.connectctl.facade.http;

import io.connectctl.facade.ConflictException;
import io.connectctl.facade.ConnectCloudException;
import io.connectctl.facade.FieldViolation;
import io.connectctl.facade.ForbiddenException;
import io.connectctl.facade.InvalidRequestException;
import io.connectctl.facade.NetworkException;
import io.connectctl.facade.NotFoundException;
import io.connectctl.facade.RateLimitedException;
import io.connectctl.facade.RequestTimeoutException;
import io.connectctl.facade.ServerErrorException;
import io.connectctl.facade.UnauthorizedException;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import okhttp3.Headers;

/**
 * Classifies failures: by HTTP status first, then enriched from the vendor's error body ({@link VendorErrorBody}).
 * An unexpected body (HTML from a proxy, empty, truncated JSON) still gives the right kind, with a short excerpt.
 */
public final class ErrorMapper {
  private static final int EXCERPT = 200;

  private ErrorMapper() {}

  /** The exception for an HTTP error response. */
  public static ConnectCloudException fromResponse(Vendor vendor, int status, Headers headers, String body, String what) {
    VendorErrorBody error = VendorErrorBody.parse(vendor, body);
    String requestId = requestId(headers);
    String detail = error.message().isEmpty() ? excerpt(body) : error.message();
    String message = vendor + ": " + what + " failed: HTTP " + status
        + (error.code().isEmpty() ? "" : " " + error.code())
        + (detail.isEmpty() ? "" : ": " + detail)
        + (requestId.isEmpty() ? "" : " (request id " + requestId + ")");
    return switch (status) {
      case 400, 422 -> new InvalidRequestException(message, vendor, status, error.code(), error.message(), requestId,
          error.violations());
      case 401 -> new UnauthorizedException(message, vendor, status, error.code(), error.message(), requestId, null);
      case 403 -> new ForbiddenException(message, vendor, status, error.code(), error.message(), requestId, null);
      case 404 -> new NotFoundException(message, vendor, status, error.code(), error.message(), requestId, null);
      case 409 -> new ConflictException(message, vendor, status, error.code(), error.message(), requestId, null);
      case 429 -> new RateLimitedException(message, vendor, error.code(), error.message(), requestId,
          RetryAfter.parse(headers).orElse(Duration.ZERO));
      case 408, 504 -> new RequestTimeoutException(message, vendor, status, error.code(), error.message(), requestId, null);
      default -> status >= 500
          ? new ServerErrorException(message, vendor, status, error.code(), error.message(), requestId, null)
          : new InvalidRequestException(message, vendor, status, error.code(), error.message(), requestId, List.of());
    };
  }

  /** The exception for a transport failure. */
  public static ConnectCloudException fromIOException(Vendor vendor, IOException e, String what) {
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException(vendor + ": " + what + " timed out: " + e.getMessage(), vendor, 0, "", "", "", e);
    }
    return new NetworkException(vendor + ": " + what + " failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), vendor, 0, "", "", "", e);
  }

  /** The exception for a 2xx response whose body does not match the spec. */
  public static ConnectCloudException fromMalformedBody(Vendor vendor, RuntimeException e, String what) {
    return new ServerErrorException(vendor + ": " + what + ": the response did not match the API: " + e.getMessage(),
        vendor, 0, "", "", "", e);
  }

  static String requestId(Headers headers) {
    for (String name : List.of("x-request-id", "request-id", "x-server-trace-id", "x-correlation-id")) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
  }

  /** Reads a field violation list entry. */
  static FieldViolation violation(Object field, Object description) {
    return new FieldViolation(field == null ? "" : field.toString(), description == null ? "" : description.toString());
  }
}
