package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a poll shows a config update taken and settled, on statuses given directly. */
class SettledGoalTest {
  private static final long QUIET = StatusChange.QUIET.toNanos();
  private static final long PATIENCE = StatusChange.PATIENCE.toNanos();
  private final StatusReading redpanda = StatusReading.of(Vendor.REDPANDA);
  private final ObservedHistory history = new ObservedHistory();
  private final ConnectorStatus running = status(ConnectorState.RUNNING);

  private boolean reached(WaitGoal goal, ConnectorStatus status, long now) {
    return goal.reached(new WaitGoal.Poll(status, now, false, false), history, redpanda);
  }

  @Test
  void aPassingStateIsTheTransitionThatShowsTheUpdate() {
    SettledGoal settled = new SettledGoal();
    ConnectorStatus restarting =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.RESTARTING, "RESTARTING", "worker-1", ""));

    assertFalse(reached(settled, restarting, 0));
    assertTrue(reached(settled, running, 1));
  }

  @Test
  void anUnchangedStatusCountsAfterTheQuietPeriod() {
    SettledGoal settled = new SettledGoal();

    assertFalse(reached(settled, running, 0));
    assertFalse(reached(settled, running, QUIET - 1));
    assertTrue(reached(settled, running, QUIET));
  }

  @Test
  void tasksNotYetInTheConnectorsStateAreNotSettled() {
    ConnectorStatus taskBehind =
        status(
            ConnectorState.PAUSED,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));

    assertFalse(reached(new SettledGoal(), taskBehind, QUIET * 10));
  }

  @Test
  void theNewConfigMustBeShownFirst() {
    Map<String, String> shown = new HashMap<>(Map.of("topics", "old"));
    WaitGoal settled = new SettledGoal().confirmingConfig(() -> shown, Map.of("topics", "new"));

    assertFalse(reached(settled, running, 0));
    assertFalse(reached(settled, running, QUIET));
    assertEquals(", new config not shown yet", settled.stillWaitingFor(history));

    shown.put("topics", "new");
    assertTrue(reached(settled, running, QUIET + 1));
    assertEquals("", settled.stillWaitingFor(history));
  }

  @Test
  void secretAndMaskedValuesCountAsShown() {
    WaitGoal settled =
        new SettledGoal()
            .confirmingConfig(
                () -> Map.of("topics", Redaction.MASK),
                Map.of("topics", "orders", "aws.secret.access.key", "s3cr3t"));

    assertFalse(reached(settled, running, 0));
    assertTrue(reached(settled, running, QUIET), "masked value and secret key: shown");
  }

  @Test
  void aConfigThatNeverReadsBackEndsTheWaitAfterThePatiencePeriod() {
    WaitGoal settled =
        new SettledGoal()
            .confirmingConfig(() -> Map.of("topics", "ORDERS"), Map.of("topics", "orders"));

    assertFalse(reached(settled, running, 0));
    assertFalse(reached(settled, running, PATIENCE - 1));
    assertTrue(reached(settled, running, PATIENCE));
  }

  @Test
  void aConnectorNotFoundWhenReadingTheConfigIsNotShownYet() {
    WaitGoal settled =
        new SettledGoal()
            .confirmingConfig(
                () -> {
                  throw new NotFoundException("gone", ErrorContext.of(Vendor.REDPANDA), null);
                },
                Map.of("topics", "orders"));

    assertFalse(reached(settled, running, QUIET));
    assertEquals(", new config not shown yet", settled.stillWaitingFor(history));
  }

  @Test
  void otherGoalsIgnoreTheConfig() {
    WaitGoal state = new StateGoal(ConnectorState.RUNNING, RequestKind.NONE);

    assertEquals(state, state.confirmingConfig(Map::of, Map.of("topics", "orders")));
    assertEquals("", state.stillWaitingFor(history));
  }
}
