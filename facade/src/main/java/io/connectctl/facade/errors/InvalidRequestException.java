package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The vendor refused the request as invalid (HTTP 400/422, or another 4xx without a kind of its
 * own). A request the facade refuses before sending is the subclass {@link
 * RequestRefusedException}, made by {@link #beforeSending(Vendor, String, String)}.
 */
public class InvalidRequestException extends ConnectCloudException {
  private final List<FieldViolation> violations;

  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param violations the field violations the vendor listed, if any
   */
  public InvalidRequestException(
      String message, ErrorContext context, List<FieldViolation> violations) {
    super(message, ErrorKind.INVALID_REQUEST, context, null);
    this.violations = violations == null ? List.of() : List.copyOf(violations);
  }

  /** Refused before sending: {@code message} says what is wrong with {@code field}. */
  public static RequestRefusedException beforeSending(
      @Nullable Vendor vendor, String message, String field) {
    return new RequestRefusedException(
        vendor, message, List.of(new FieldViolation(field, message)));
  }

  /**
   * Refused before sending: {@code message} says what is wrong, {@code violations} name each field.
   */
  public static RequestRefusedException beforeSending(
      @Nullable Vendor vendor, String message, List<FieldViolation> violations) {
    return new RequestRefusedException(vendor, message, violations);
  }

  /** The field violations, empty if none were listed. */
  public List<FieldViolation> violations() {
    return violations;
  }
}
