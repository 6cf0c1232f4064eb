package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The facade refused a request before sending anything: a connector name or config value the vendor
 * cannot take (an empty name, a masked secret, a config key the vendor does not have). Kind {@link
 * ErrorKind#REFUSED_BEFORE_SENDING}; nothing reached the vendor, so {@link #httpStatus()} is 0. An
 * {@link InvalidRequestException} for callers that catch invalid requests as one. A change the
 * connector's current state forbids is a {@link ConflictException} instead, whether the vendor or
 * the facade noticed it.
 */
public class RequestRefusedException extends InvalidRequestException {
  /**
   * @param vendor the vendor the request was meant for, or {@code null} when none was chosen yet
   * @param message what is wrong and how to fix it
   * @param violations the fields that are wrong
   */
  public RequestRefusedException(
      @Nullable Vendor vendor, String message, List<FieldViolation> violations) {
    super(message, ErrorContext.of(vendor), violations);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.REFUSED_BEFORE_SENDING;
  }
}
