package io.connectctl.facade.errors;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.Vendor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A wait for completion ran out of time (kind {@link ErrorKind#WAIT_TIMEOUT}; a single request that
 * ran out of time is a {@link RequestTimeoutException}). It says what was last seen and, for
 * Yandex, the operation id, so the wait can be resumed with {@link
 * ConnectorClient#resumeWait(String, String)}.
 */
public class WaitTimeoutException extends ConnectCloudException {
  private final String connector;
  private final String lastSeen;
  private final String operationId;
  private final Duration waited;
  private final ConnectorStatus lastStatus;

  /**
   * @param vendor the vendor
   * @param connector the connector waited for
   * @param target what was awaited (e.g. {@code PAUSED}, {@code gone}, {@code operation done})
   * @param lastSeen the last state seen
   * @param operationId the vendor operation id, empty if none
   * @param waited how long it waited
   */
  public WaitTimeoutException(
      Vendor vendor,
      String connector,
      String target,
      String lastSeen,
      String operationId,
      Duration waited) {
    this(vendor, connector, target, lastSeen, operationId, waited, null);
  }

  /**
   * @param vendor the vendor
   * @param connector the connector waited for
   * @param target what was awaited (e.g. {@code PAUSED}, {@code gone}, {@code operation done})
   * @param lastSeen the last state seen, as shown in messages
   * @param operationId the vendor operation id, empty if none
   * @param waited how long it waited
   * @param lastStatus the last status read, or null when none was (an operation polled, the
   *     connector not found)
   */
  public WaitTimeoutException(
      Vendor vendor,
      String connector,
      String target,
      String lastSeen,
      String operationId,
      Duration waited,
      @Nullable ConnectorStatus lastStatus) {
    super(
        "Timed out after "
            + format(waited)
            + " waiting for connector '"
            + connector
            + "' to be "
            + target
            + "; last seen: "
            + lastSeen
            + (operationId == null || operationId.isEmpty() ? "" : "; operation " + operationId),
        ErrorKind.WAIT_TIMEOUT,
        ErrorContext.of(vendor),
        null);
    this.connector = connector;
    this.lastSeen = Objects.requireNonNullElse(lastSeen, "");
    this.operationId = Objects.requireNonNullElse(operationId, "");
    this.waited = waited;
    this.lastStatus = lastStatus;
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** The connector waited for. */
  public String connector() {
    return connector;
  }

  /** The last state seen, as the message words it (e.g. {@code RUNNING (1 of 2 tasks PAUSED)}). */
  public String lastSeen() {
    return lastSeen;
  }

  /**
   * The last connector status read before the time ran out; empty when none was (a wait that
   * follows a vendor operation, or a connector not found yet).
   */
  public Optional<ConnectorStatus> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }

  /** The vendor operation id, empty if none. */
  public String operationId() {
    return operationId;
  }

  /** How long it waited. */
  public Duration waited() {
    return waited;
  }
}
