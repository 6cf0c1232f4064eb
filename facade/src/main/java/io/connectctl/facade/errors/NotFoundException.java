package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/** The connector, cluster or operation does not exist (HTTP 404). */
public class NotFoundException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public NotFoundException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.NOT_FOUND, context, cause);
  }
}
