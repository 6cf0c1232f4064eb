package io.connectctl.facade;

/** The credentials are not allowed to do this (HTTP 403). */
public class ForbiddenException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param vendor the vendor
   * @param httpStatus the HTTP status, 0 if none
   * @param vendorCode the vendor's error code, empty if none
   * @param vendorMessage the vendor's message, empty if none
   * @param requestId the request id, empty if none
   * @param cause the cause, may be null
   */
  public ForbiddenException(String message, Vendor vendor, int httpStatus, String vendorCode, String vendorMessage,
      String requestId, Throwable cause) {
    super(message, vendor, httpStatus, vendorCode, vendorMessage, requestId, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.FORBIDDEN;
  }
}
