package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/**
 * The request conflicts with the connector's current state: the vendor answered HTTP 409, or the
 * facade read the state and did not send a change that state forbids (e.g. altering or resetting
 * the offsets of a Kafka Connect connector that is not STOPPED), in which case {@link
 * #httpStatus()} is 0. Either way the same exception, so callers need one catch. Input that is
 * wrong whatever the state is a {@link RequestRefusedException} instead.
 */
public class ConflictException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public ConflictException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.CONFLICT, context, cause);
  }
}
