package io.connectctl.facade.yandex;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** A change that needed no request (the connector already had the desired config): complete from the start. */
final class CompletedChange implements PendingChange {
  private final String connector;
  private final String target;
  private final ConnectorStatus status;

  /**
   * @param connector the connector
   * @param target what was asked for, for messages
   * @param status the connector's status when it was read
   */
  CompletedChange(String connector, String target, ConnectorStatus status) {
    this.connector = connector;
    this.target = target;
    this.status = status;
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

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    progress.accept("no change needed");
    return new ChangeResult(connector, "", Optional.of(status), 0);
  }
}
