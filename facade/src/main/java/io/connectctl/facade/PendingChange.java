package io.connectctl.facade;

import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A change that the vendor finishes asynchronously. Await it with a timeout: for Yandex this polls
 * the Operation until {@code done}; for Redpanda and Confluent it polls the connector's status
 * until the target state. Polling backs off exponentially up to a cap. A FAILED connector or a
 * failed operation ends the wait at once.
 */
public interface PendingChange {
  /** The connector being changed. */
  String connector();

  /** What is awaited, e.g. {@code PAUSED}, {@code RUNNING}, {@code deleted}. */
  String target();

  /** The vendor operation id (Yandex), empty for vendors without one. */
  String operationId();

  /**
   * A remark on how the request went, empty usually: e.g. that the first attempt's answer was lost
   * and the retry found the connector already gone (a delete) or already created with the same
   * config (a create), so the change is reported as done.
   */
  default String note() {
    return "";
  }

  /**
   * Waits until the change is complete.
   *
   * <p>If the waiting thread is interrupted, the wait ends at once: the interrupt flag stays set
   * and a {@link java.util.concurrent.CancellationException} is thrown (its cause the {@link
   * InterruptedException} or the interrupted read). Only the wait is cancelled: the change was
   * already requested and may still complete.
   *
   * @return the final result
   * @throws WaitTimeoutException when {@code timeout} passes first, with what was last seen
   * @throws ConnectorFailedException when the connector or the operation failed
   * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted
   * @throws IllegalStateException when the client that made the change has been closed
   */
  default ChangeResult await(Duration timeout) {
    return await(timeout, progress -> {});
  }

  /**
   * As {@link #await(Duration)}, reporting each observation (e.g. {@code state RESTARTING}) to
   * {@code progress}; interrupts and a closed client end it the same way.
   */
  ChangeResult await(Duration timeout, Consumer<String> progress);
}
