package io.connectctl.facade;

import java.util.Objects;

/**
 * The connector, or the vendor operation changing it, ended in failure while being waited for.
 * Carries the trace (Kafka Connect) or the operation error (Yandex).
 */
public class ConnectorFailedException extends ConnectCloudException {
  private final String connector;
  private final String trace;
  private final String operationId;

  /**
   * @param vendor the vendor
   * @param connector the connector
   * @param message what failed
   * @param vendorCode the vendor's error code, empty if none
   * @param trace the trace or error message, empty if none
   * @param operationId the vendor operation id, empty if none
   */
  public ConnectorFailedException(Vendor vendor, String connector, String message, String vendorCode, String trace,
      String operationId) {
    super(message, vendor, 0, vendorCode, trace, "", null);
    this.connector = connector;
    this.trace = Objects.requireNonNullElse(trace, "");
    this.operationId = Objects.requireNonNullElse(operationId, "");
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

  @Override
  public ErrorKind kind() {
    return ErrorKind.FAILED;
  }
}
