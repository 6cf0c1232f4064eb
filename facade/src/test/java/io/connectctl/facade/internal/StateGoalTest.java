package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import org.junit.jupiter.api.Test;

/** When a poll reaches a target state, on statuses given directly (no waiter, no clock). */
class StateGoalTest {
  private static final long SECOND = 1_000_000_000L;
  private final StatusReading redpanda = StatusReading.of(Vendor.REDPANDA);
  private final ObservedHistory history = new ObservedHistory();

  private static WaitGoal.Poll poll(ConnectorStatus status, long now) {
    return new WaitGoal.Poll(status, now, false, false);
  }

  @Test
  void theConnectorAndItsTasksMustBeInTheState() {
    StateGoal paused = new StateGoal(ConnectorState.PAUSED, RequestKind.NONE);
    ConnectorStatus taskStillRunning =
        status(
            ConnectorState.PAUSED,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));

    assertFalse(paused.reached(poll(taskStillRunning, 0), history, redpanda));
    assertTrue(paused.reached(poll(status(ConnectorState.PAUSED), 0), history, redpanda));
    assertTrue(
        paused.reached(poll(taskStillRunning, 0), history, StatusReading.of(Vendor.YANDEX)),
        "a vendor without tasks: the connector's state is enough");
  }

  @Test
  void runningWithoutTasksCountsOnlyOnceItHasStartedWithoutTasks() {
    StateGoal running = new StateGoal(ConnectorState.RUNNING, RequestKind.NONE);
    ConnectorStatus noTasks = status(ConnectorState.RUNNING, "");

    assertFalse(running.reached(new WaitGoal.Poll(noTasks, 0, true, false), history, redpanda));
    assertTrue(running.reached(new WaitGoal.Poll(noTasks, 0, true, true), history, redpanda));
  }

  @Test
  void afterARestartTheSameRunningCountsOnlyAfterTheQuietPeriod() {
    StateGoal running = new StateGoal(ConnectorState.RUNNING, RequestKind.RESTART);
    ConnectorStatus before = status(ConnectorState.RUNNING);
    long quiet = StatusChange.QUIET.toNanos();

    assertFalse(running.reached(poll(before, 0), history, redpanda));
    assertFalse(running.reached(poll(before, quiet - 1), history, redpanda));
    assertTrue(running.reached(poll(before, quiet), history, redpanda));
  }

  @Test
  void afterARestartAMovedStatusCountsAtOnce() {
    StateGoal running = new StateGoal(ConnectorState.RUNNING, RequestKind.RESTART);
    ConnectorStatus before = status(ConnectorState.RUNNING);
    ConnectorStatus movedWorker =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-2", ""));

    assertFalse(running.reached(poll(before, 0), history, redpanda));
    assertTrue(running.reached(poll(movedWorker, SECOND / 10), history, redpanda));
  }

  @Test
  void afterARestartAnEarlierPollThatMissedTheTargetIsTheTransition() {
    StateGoal running = new StateGoal(ConnectorState.RUNNING, RequestKind.RESTART);
    history.polledBeforeTarget();

    assertTrue(running.reached(poll(status(ConnectorState.RUNNING), 0), history, redpanda));
  }

  @Test
  void otherRequestsTakeTheTargetAtOnce() {
    StateGoal afterResume = new StateGoal(ConnectorState.RUNNING, RequestKind.RESUME);

    assertTrue(afterResume.reached(poll(status(ConnectorState.RUNNING), 0), history, redpanda));
  }

  @Test
  void onlyAWaitForFailedWantsFailed() {
    ConnectorStatus failed = status(ConnectorState.FAILED);

    assertTrue(new StateGoal(ConnectorState.FAILED, RequestKind.NONE).wantsFailed(failed));
    assertFalse(new StateGoal(ConnectorState.RUNNING, RequestKind.NONE).wantsFailed(failed));
    assertEquals("FAILED", new StateGoal(ConnectorState.FAILED, RequestKind.NONE).target());
  }
}
