package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of every failure the facade reports. Each subclass is one {@link ErrorKind}; all carry an
 * {@link ErrorContext}: the vendor, the HTTP status (0 when no response was involved), the vendor's
 * error code and message, and the request id when the server sent one. Messages never contain
 * credentials or secret config values.
 */
public abstract class ConnectCloudException extends RuntimeException {
  private final @Nullable ErrorKind kind;
  private final ErrorContext context;

  /**
   * For a subclass that names its kind by overriding {@link #kind()}.
   *
   * @param message the whole message
   * @param context where the failure came from
   * @param cause the cause, may be null
   */
  protected ConnectCloudException(String message, ErrorContext context, @Nullable Throwable cause) {
    this(message, null, context, cause);
  }

  /**
   * @param message the whole message
   * @param kind what kind of failure this is; {@code null} only for a subclass that overrides
   *     {@link #kind()}
   * @param context where the failure came from
   * @param cause the cause, may be null
   */
  protected ConnectCloudException(
      String message, @Nullable ErrorKind kind, ErrorContext context, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.context = Objects.requireNonNull(context, "context");
  }

  /** What kind of failure this is. */
  public ErrorKind kind() {
    // null only for a subclass that overrides this method
    return Objects.requireNonNull(kind, "kind");
  }

  /** Where the failure came from: vendor, HTTP status, vendor code and message, request id. */
  public ErrorContext context() {
    return context;
  }

  /** The vendor, or {@code null} if the failure happened before one was chosen. */
  public @Nullable Vendor vendor() {
    return context.vendor();
  }

  /** The HTTP status, 0 when no response was received. */
  public int httpStatus() {
    return context.httpStatus();
  }

  /**
   * The vendor's error code, empty if none: Redpanda's gRPC code name, followed by {@code
   * /REASON_…} when the error names a reason ({@code NOT_FOUND/REASON_KAFKA_CONNECT_API_ERROR});
   * Confluent's numeric code ({@code 40401}); Yandex's numeric gRPC code ({@code 5}).
   */
  public String vendorCode() {
    return context.vendorCode();
  }

  /** The vendor's error message, empty if none. */
  public String vendorMessage() {
    return context.vendorMessage();
  }

  /** The request id the server sent, empty if none. */
  public String requestId() {
    return context.requestId();
  }
}
