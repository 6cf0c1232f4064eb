package io.connectctl.facade.yandex;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A change that needed no request (the connector already had the desired config): complete from the
 * start.
 *
 * @param connector the connector
 * @param target what was asked for, for messages
 * @param status the connector's status when it was read
 */
record CompletedChange(String connector, String target, ConnectorStatus status)
    implements PendingChange {
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
