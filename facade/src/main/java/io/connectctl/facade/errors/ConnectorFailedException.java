package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The connector, or the vendor operation changing it, ended in failure while being waited for.
 * Carries the trace (Kafka Connect) or the operation error (Yandex).
 */
public class ConnectorFailedException extends ConnectCloudException {
  private final String connector;
  private final String trace;
  private final String operationId;

  /**
   * @param message what failed
   * @param context the vendor and its error code; the vendor message is the trace or operation
   *     error
   * @param connector the connector
   * @param operationId the vendor operation id, empty if none
   */
  protected ConnectorFailedException(
      String message, ErrorContext context, String connector, String operationId) {
    this(message, context, connector, operationId, null);
  }

  private ConnectorFailedException(
      String message,
      ErrorContext context,
      String connector,
      String operationId,
      @Nullable Throwable cause) {
    super(message, ErrorKind.FAILED, context, cause);
    this.connector = connector;
    this.trace = context.vendorMessage();
    this.operationId = Objects.requireNonNullElse(operationId, "");
  }

  /**
   * The connector (or one of its tasks) reached a failed state.
   *
   * @param vendor the vendor
   * @param connector the connector
   * @param message what failed
   * @param vendorState the vendor's state, kept as the vendor code
   * @param trace the failure's trace, empty if none
   */
  public static ConnectorFailedException failedState(
      Vendor vendor, String connector, String message, String vendorState, String trace) {
    return new ConnectorFailedException(
        message, ErrorContext.of(vendor).withVendorError(vendorState, trace), connector, "");
  }

  /**
   * The vendor operation changing the connector ended in failure.
   *
   * @param vendor the vendor
   * @param connector the connector
   * @param message what failed
   * @param code the operation's error code
   * @param error the operation's error message
   * @param operationId the operation id
   */
  public static ConnectorFailedException failedOperation(
      Vendor vendor,
      String connector,
      String message,
      String code,
      String error,
      String operationId) {
    return new ConnectorFailedException(
        message, ErrorContext.of(vendor).withVendorError(code, error), connector, operationId);
  }

  /**
   * The work on the connector failed in a way no vendor reported (an unexpected exception, an
   * interrupt).
   *
   * @param connector the connector
   * @param message what failed
   */
  public static ConnectorFailedException unexplained(String connector, String message) {
    return new ConnectorFailedException(message, ErrorContext.of(null), connector, "");
  }

  /**
   * As {@link #unexplained(String, String)}, keeping what was thrown as the cause (a bug in the
   * caller's code run by {@link io.connectctl.facade.Bulk}, for instance).
   *
   * @param connector the connector
   * @param message what failed
   * @param cause what was thrown
   */
  public static ConnectorFailedException unexplained(
      String connector, String message, @Nullable Throwable cause) {
    return new ConnectorFailedException(message, ErrorContext.of(null), connector, "", cause);
  }

  /** The connector. */
  public String connector() {
    return connector;
  }

  /** The trace or error message, empty if none. */
  public String trace() {
    return trace;
  }

  /** The vendor operation id, empty if none. */
  public String operationId() {
    return operationId;
  }
}
