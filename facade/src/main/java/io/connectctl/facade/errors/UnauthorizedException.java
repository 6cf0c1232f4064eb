package io.connectctl.facade.errors;

/** Missing, wrong or expired credentials (HTTP 401), or a token that could not be obtained. */
public class UnauthorizedException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public UnauthorizedException(String message, ErrorContext context, Throwable cause) {
    super(message, ErrorKind.UNAUTHORIZED, context, cause);
  }
}
