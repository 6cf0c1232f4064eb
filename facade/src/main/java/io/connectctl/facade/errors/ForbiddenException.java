package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/** The credentials are not allowed to do this (HTTP 403). */
public class ForbiddenException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public ForbiddenException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.FORBIDDEN, context, cause);
  }
}
