package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;

/**
 * Internal: waits until the connector, and its tasks where the vendor reports them, are in {@code
 * state}. RUNNING without tasks counts once it has lasted {@link StatusChange#STARTING}. After a
 * restart the first polls may still show the RUNNING from before it: the target then counts at once
 * when something moved since the first poll (or the first poll was not yet the target), otherwise
 * only once the same status has held for the policy's quiet period ({@link
 * io.connectctl.facade.PollingPolicy#quietPeriod()}).
 *
 * @param state the state waited for
 * @param request the request the wait follows
 */
record StateGoal(ConnectorState state, RequestKind request) implements WaitGoal {
  @Override
  public String target() {
    return state.name();
  }

  @Override
  public ConnectorState labelState(ConnectorStatus seen) {
    return state;
  }

  @Override
  public boolean wantsFailed(ConnectorStatus seen) {
    return state == ConnectorState.FAILED && seen.state() == ConnectorState.FAILED;
  }

  @Override
  public boolean reached(Poll poll, ObservedHistory history, StatusReading reading) {
    return inState(poll, reading)
        && (!request.mayShowTargetFromBefore() || shownOrQuiet(poll, history));
  }

  private boolean inState(Poll poll, StatusReading reading) {
    if (state == ConnectorState.RUNNING && poll.starting()) {
      return poll.startedWithoutTasks();
    }
    return poll.status().state() == state && reading.tasksIn(poll.status(), state);
  }

  /** A target seen right after a restart: whether it is not the one from before the restart. */
  private static boolean shownOrQuiet(Poll poll, ObservedHistory history) {
    boolean first = history.record(StatusReading.signature(poll.status()), poll.now());
    if (first && history.wasPolledBeforeTarget()) {
      history.transitionSeen();
    }
    return history.sawTransition() || history.quietSince(poll.now());
  }
}
