package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Internal: what a {@link StatusChange} waits for. The change reads the status, handles a missing
 * connector and failures (and whether they may be stale); the goal says when what was seen ends the
 * wait.
 */
sealed interface WaitGoal permits StateGoal, GoneGoal, SettledGoal {
  /**
   * What one poll showed.
   *
   * @param status the status read
   * @param now when it was read, on the waiter's clock (nanoseconds)
   * @param starting RUNNING without tasks yet
   * @param startedWithoutTasks starting for {@link StatusChange#STARTING} already: taken as a
   *     connector without tasks
   */
  record Poll(ConnectorStatus status, long now, boolean starting, boolean startedWithoutTasks) {
    /** Starting, and not yet for long enough to be taken as a connector without tasks. */
    boolean stillStarting() {
      return starting && !startedWithoutTasks;
    }
  }

  /** What is waited for, in messages: a state's name, {@code deleted} or {@code settled}. */
  String target();

  /** The request the wait follows. */
  RequestKind request();

  /**
   * Whether only the connector's disappearance ends the wait: whatever status it shows meanwhile, a
   * failure included, keeps it waiting.
   */
  default boolean endsWhenGone() {
    return false;
  }

  /** The state whose lagging tasks a progress label names, when the connector is in it. */
  default ConnectorState labelState(ConnectorStatus seen) {
    return seen.state();
  }

  /** Whether a FAILED status that is not from before the request is what was waited for. */
  default boolean wantsFailed(ConnectorStatus seen) {
    return false;
  }

  /**
   * Whether {@code poll} ends the wait. Called once the request was picked up, for a status without
   * a failure; may record what it saw in {@code history}.
   */
  boolean reached(Poll poll, ObservedHistory history, StatusReading reading);

  /** What a progress label adds while the wait goes on (e.g. that the new config is not shown). */
  default String stillWaitingFor(ObservedHistory history) {
    return "";
  }

  /**
   * This goal, also waiting until {@code reader} shows the config {@code sent} where that applies
   * (after a config update); other goals are returned as they are.
   */
  default WaitGoal confirmingConfig(
      Supplier<Map<String, String>> reader, Map<String, String> sent) {
    return this;
  }
}
