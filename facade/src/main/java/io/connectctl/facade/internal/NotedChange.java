package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.PendingChange;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Internal: a change awaited as {@code change} is, carrying a {@link #note()} about its request.
 */
final class NotedChange implements PendingChange {
  private final PendingChange change;
  private final String note;

  NotedChange(PendingChange change, String note) {
    this.change = change;
    this.note = note;
  }

  @Override
  public String connector() {
    return change.connector();
  }

  @Override
  public String target() {
    return change.target();
  }

  @Override
  public String operationId() {
    return change.operationId();
  }

  @Override
  public String note() {
    return note;
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    return change.await(timeout, progress);
  }

  @Override
  public String toString() {
    return change + " (" + note + ")";
  }
}
