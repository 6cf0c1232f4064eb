package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/** The server failed (HTTP 5xx). */
public class ServerErrorException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public ServerErrorException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.SERVER_ERROR, context, cause);
  }
}
