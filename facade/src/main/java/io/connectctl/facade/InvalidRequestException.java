package io.connectctl.facade;

import java.util.List;

/** The request was refused as invalid, by the server (HTTP 400/422) or by the facade before sending. */
public class InvalidRequestException extends ConnectCloudException {
  private final List<FieldViolation> violations;

  /**
   * @param message the whole message
   * @param vendor the vendor
   * @param httpStatus the HTTP status, 0 if refused before sending
   * @param vendorCode the vendor's error code, empty if none
   * @param vendorMessage the vendor's message, empty if none
   * @param requestId the request id, empty if none
   * @param violations the field violations the vendor listed, if any
   */
  public InvalidRequestException(String message, Vendor vendor, int httpStatus, String vendorCode,
      String vendorMessage, String requestId, List<FieldViolation> violations) {
    super(message, vendor, httpStatus, vendorCode, vendorMessage, requestId, null);
    this.violations = violations == null ? List.of() : List.copyOf(violations);
  }

  /** Refused before sending: {@code message} says what is wrong. */
  public static InvalidRequestException beforeSending(Vendor vendor, String message, String field) {
    return new InvalidRequestException(message, vendor, 0, "", "", "", List.of(new FieldViolation(field, message)));
  }

  /** The field violations, empty if the vendor listed none. */
  public List<FieldViolation> violations() {
    return violations;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_REQUEST;
  }
}
