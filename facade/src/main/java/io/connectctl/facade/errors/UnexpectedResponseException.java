package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import org.jspecify.annotations.Nullable;

/**
 * The vendor answered with success, but the body did not match its API (malformed JSON, a missing
 * required field, the wrong shape, no body where one is needed). Kind {@link
 * ErrorKind#UNEXPECTED_RESPONSE}: the request did reach the vendor and may have had its effect,
 * unlike a refusal before sending. A {@link ServerErrorException} for callers that catch server
 * failures as one.
 */
public class UnexpectedResponseException extends ServerErrorException {
  /**
   * @param message the whole message, naming the operation and what did not match
   * @param vendor the vendor
   * @param cause the parse failure
   */
  public UnexpectedResponseException(String message, Vendor vendor, @Nullable Throwable cause) {
    super(message, ErrorContext.of(vendor), cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.UNEXPECTED_RESPONSE;
  }
}
