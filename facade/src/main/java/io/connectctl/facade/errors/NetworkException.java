package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/** The server could not be reached, or the connection broke. */
public class NetworkException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public NetworkException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.NETWORK, context, cause);
  }
}
