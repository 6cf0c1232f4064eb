package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Internal: a change complete from the start, because the vendor finished it before answering or
 * because it needed no request. Awaiting it reports one progress line and returns the status read
 * when the change was made, without polling.
 */
public final class CompletedChange implements PendingChange {
  private final String connector;
  private final String target;
  private final ConnectorStatus status;
  private final String progress;

  private CompletedChange(
      String connector, String target, ConnectorStatus status, String progress) {
    this.connector = connector;
    this.target = target;
    this.status = status;
    this.progress = progress;
  }

  /**
   * A change the vendor finished before answering (e.g. Kafka Connect's offsets); progress reports
   * {@code target}.
   *
   * @param connector the connector
   * @param target what was done, for messages and progress
   * @param status the connector's status when it was read
   */
  public static CompletedChange finished(String connector, String target, ConnectorStatus status) {
    return new CompletedChange(connector, target, status, target);
  }

  /**
   * A change that needed no request (the connector already was as asked); progress reports {@code
   * no change needed}.
   *
   * @param connector the connector
   * @param target what was asked for, for messages
   * @param status the connector's status when it was read
   */
  public static CompletedChange unneeded(String connector, String target, ConnectorStatus status) {
    return new CompletedChange(connector, target, status, "no change needed");
  }

  @Override
  public String connector() {
    return connector;
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public String operationId() {
    return "";
  }

  /** {@code PendingChange[connector=orders, target=PAUSED, already done]}. */
  @Override
  public String toString() {
    return ChangeText.describe(connector, target, "", "already done");
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    progress.accept(this.progress);
    return new ChangeResult(connector, "", Optional.of(status), 0);
  }
}
