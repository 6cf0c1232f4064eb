package io.connectctl.cli.bulk;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.PendingChange;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A change that is complete once its request was answered (or that needed none): awaiting it
 * returns at once, without a status.
 *
 * @param connector the connector
 * @param target what was done, e.g. {@code deleted}
 * @param note a remark for the output (e.g. {@code already gone}), empty usually
 */
public record CompletedRequest(String connector, String target, String note)
    implements PendingChange {
  @Override
  public String operationId() {
    return "";
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    return new ChangeResult(connector, "", Optional.empty(), 0);
  }
}
