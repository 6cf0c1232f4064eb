package io.connectctl.facade.errors;

/** The request conflicts with the current state (HTTP 409). */
public class ConflictException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public ConflictException(String message, ErrorContext context, Throwable cause) {
    super(message, ErrorKind.CONFLICT, context, cause);
  }
}
