package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import org.junit.jupiter.api.Test;

/** What the history of one wait keeps between polls. */
class ObservedHistoryTest {
  private static final long SECOND = 1_000_000_000L;
  private final ObservedHistory history = new ObservedHistory();

  @Test
  void theGracePeriodRunsFromTheFirstPollUntilTheRequestIsPickedUp() {
    history.polling(10 * SECOND);
    history.polling(11 * SECOND);

    assertTrue(history.withinGrace(10 * SECOND + StatusChange.GRACE.toNanos() - 1));
    assertFalse(history.withinGrace(10 * SECOND + StatusChange.GRACE.toNanos()));

    history.pickedUp();
    assertFalse(history.withinGrace(10 * SECOND));
  }

  @Test
  void startingWithoutTasksCountsFromTheFirstPollThatShowedIt() {
    long starting = StatusChange.STARTING.toNanos();

    assertFalse(history.seen(status(ConnectorState.RUNNING), true, 0).startedWithoutTasks());
    assertFalse(
        history.seen(status(ConnectorState.RUNNING), true, starting - 1).startedWithoutTasks());
    assertTrue(history.seen(status(ConnectorState.RUNNING), true, starting).startedWithoutTasks());
    assertTrue(history.seenOnce());

    history.seen(status(ConnectorState.RUNNING), false, starting + 1);
    assertFalse(
        history.seen(status(ConnectorState.RUNNING), true, starting * 2).startedWithoutTasks(),
        "the clock starts over once tasks showed");
  }

  @Test
  void aSignatureOtherThanTheFirstIsATransitionAndANewOneRestartsTheQuietClock() {
    assertTrue(history.record("RUNNING|w1|", 0));
    assertFalse(history.record("RUNNING|w1|", SECOND));
    assertFalse(history.sawTransition());
    assertEquals(2 * SECOND, history.unchangedFor(2 * SECOND));

    assertFalse(history.record("RUNNING|w2|", 3 * SECOND));
    assertTrue(history.sawTransition());
    assertEquals(SECOND, history.unchangedFor(4 * SECOND));
  }
}
