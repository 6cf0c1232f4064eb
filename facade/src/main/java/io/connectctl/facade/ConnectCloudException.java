package io.connectctl.facade;

import java.util.Objects;

/**
 * Base of every failure the facade reports. Each subclass is one {@link ErrorKind}; all carry the vendor, the HTTP
 * status (0 when no response was involved), the vendor's error code and message, and the request id when the
 * server sent one. Messages never contain credentials or secret config values.
 */
public abstract class ConnectCloudException extends RuntimeException {
  private final Vendor vendor;
  private final int httpStatus;
  private final String vendorCode;
  private final String vendorMessage;
  private final String requestId;

  /**
   * @param message the whole message
   * @param vendor the vendor, or {@code null} when none is involved yet
   * @param httpStatus the HTTP status, 0 if none
   * @param vendorCode the vendor's error code, empty if none
   * @param vendorMessage the vendor's error message, empty if none
   * @param requestId the request id the server sent, empty if none
   * @param cause the cause, may be null
   */
  protected ConnectCloudException(String message, Vendor vendor, int httpStatus, String vendorCode,
      String vendorMessage, String requestId, Throwable cause) {
    super(message, cause);
    this.vendor = vendor;
    this.httpStatus = httpStatus;
    this.vendorCode = Objects.requireNonNullElse(vendorCode, "");
    this.vendorMessage = Objects.requireNonNullElse(vendorMessage, "");
    this.requestId = Objects.requireNonNullElse(requestId, "");
  }

  /** What kind of failure this is. */
  public abstract ErrorKind kind();

  /** The vendor, or {@code null} if the failure happened before one was chosen. */
  public Vendor vendor() {
    return vendor;
  }

  /** The HTTP status, 0 when no response was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The vendor's error code, empty if none: Redpanda's gRPC code name, followed by {@code /REASON_…} when the
   * error names a reason ({@code NOT_FOUND/REASON_KAFKA_CONNECT_API_ERROR}); Confluent's numeric code
   * ({@code 40401}); Yandex's numeric gRPC code ({@code 5}).
   */
  public String vendorCode() {
    return vendorCode;
  }

  /** The vendor's error message, empty if none. */
  public String vendorMessage() {
    return vendorMessage;
  }

  /** The request id the server sent, empty if none. */
  public String requestId() {
    return requestId;
  }
}
