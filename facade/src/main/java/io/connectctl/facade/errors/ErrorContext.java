package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a failure came from: the vendor, the HTTP status (0 when no response was involved), the
 * vendor's own error code and message, and the request id the server sent. Every {@link
 * ConnectCloudException} carries one. Start from {@link #of(Vendor)} or {@link #response(Vendor,
 * int)} and add what the vendor said with the {@code with…} methods; unset parts are empty, never
 * {@code null}.
 *
 * @param vendor the vendor, or {@code null} when none was chosen yet
 * @param httpStatus the HTTP status, 0 when no response was received
 * @param vendorCode the vendor's error code, empty if none
 * @param vendorMessage the vendor's error message, empty if none
 * @param requestId the request id the server sent, empty if none
 */
public record ErrorContext(
    @Nullable Vendor vendor,
    int httpStatus,
    String vendorCode,
    String vendorMessage,
    String requestId) {
  /** Normalizes missing texts to empty. */
  public ErrorContext {
    vendorCode = Objects.requireNonNullElse(vendorCode, "");
    vendorMessage = Objects.requireNonNullElse(vendorMessage, "");
    requestId = Objects.requireNonNullElse(requestId, "");
  }

  /**
   * No response involved: the failure happened on this side (refused, unreachable, waited too
   * long).
   */
  public static ErrorContext of(@Nullable Vendor vendor) {
    return new ErrorContext(vendor, 0, "", "", "");
  }

  /** An HTTP response with {@code httpStatus} from {@code vendor}. */
  public static ErrorContext response(@Nullable Vendor vendor, int httpStatus) {
    return new ErrorContext(vendor, httpStatus, "", "", "");
  }

  /** This context with the vendor's error code and message. */
  public ErrorContext withVendorError(String code, String message) {
    return new ErrorContext(vendor, httpStatus, code, message, requestId);
  }

  /** This context with the request id the server sent. */
  public ErrorContext withRequestId(String id) {
    return new ErrorContext(vendor, httpStatus, vendorCode, vendorMessage, id);
  }
}
