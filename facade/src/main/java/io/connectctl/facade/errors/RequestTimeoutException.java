package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/** A request ran out of time (client timeout, HTTP 408 or 504). */
public class RequestTimeoutException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public RequestTimeoutException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.TIMEOUT, context, cause);
  }
}
