package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.GONE;
import static io.connectctl.facade.internal.StatusScript.NAME;
import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorFailedException;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ErrorKind;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.WaitTimeoutException;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Waiting by polling status, on scripted status sequences and a fake clock. */
class StatusChangeTest {
  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final String TRACE = "org.apache.kafka.connect.errors.ConnectException: S3Exception: Access Denied\n"
      + "\tat io.confluent.connect.s3.S3SinkTask.put(S3SinkTask.java:210)";

  private final FakeTime time = new FakeTime();
  private final Waiter waiter =
      new Waiter(new PollingPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)), time, time);
  private final List<String> progress = new ArrayList<>();

  private StatusChange untilState(ConnectorState target, StatusScript script) {
    return StatusChange.untilState(Vendor.REDPANDA, NAME, target, script, waiter);
  }

  @Test
  void targetsAreNamedForMessages() {
    StatusScript script = StatusScript.of(ConnectorState.RUNNING);
    assertEquals("RUNNING", untilState(ConnectorState.RUNNING, script).target());
    assertEquals("PAUSED", untilState(ConnectorState.PAUSED, script).target());
    assertEquals("deleted", StatusChange.untilGone(Vendor.REDPANDA, NAME, script, waiter).target());
    assertEquals("settled", StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter).target());
    StatusChange change = untilState(ConnectorState.RUNNING, script);
    assertEquals(NAME, change.connector());
    assertEquals("", change.operationId());
    assertEquals(0, script.calls(), "nothing is polled before await");
  }

  @Test
  void aTargetStateCompletesOnceReached() {
    StatusScript script = StatusScript.of(ConnectorState.PROVISIONING, ConnectorState.UNASSIGNED,
        ConnectorState.RUNNING);

    ChangeResult result = untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(3, result.polls());
    assertEquals(3, script.calls());
    assertEquals(NAME, result.connector());
    assertEquals("", result.operationId());
    assertEquals(List.of("PROVISIONING (PROVISIONING)", "UNASSIGNED (UNASSIGNED)", "RUNNING (RUNNING)"), progress);
    assertEquals(List.of(100L, 200L), time.sleepMillis());
  }

  @Test
  void theProgressLabelLeavesOutAnEmptyVendorState() {
    ConnectorStatus bare = new ConnectorStatus(NAME, null, ConnectorState.PAUSED, "", null, null, null, null);

    untilState(ConnectorState.PAUSED, StatusScript.of(bare)).await(WAIT, progress::add);

    assertEquals(List.of("PAUSED"), progress);
  }

  @Test
  void failedEndsTheWaitAtOnceWithTheTrace() {
    StatusScript script = StatusScript.of(ConnectorState.RESTARTING, status(ConnectorState.FAILED, TRACE),
        ConnectorState.RUNNING);

    ConnectorFailedException e = assertThrows(ConnectorFailedException.class,
        () -> untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add));

    assertEquals(2, script.calls());
    assertEquals(List.of(100L), time.sleepMillis());
    assertEquals(List.of("RESTARTING (RESTARTING)", "FAILED (FAILED)"), progress);
    assertEquals(ErrorKind.FAILED, e.kind());
    assertEquals(Vendor.REDPANDA, e.vendor());
    assertEquals(NAME, e.connector());
    assertEquals(TRACE, e.trace());
    assertEquals("FAILED", e.vendorCode());
    assertEquals("", e.operationId());
    assertEquals("Connector '" + NAME + "' FAILED while waiting for RUNNING: "
        + "org.apache.kafka.connect.errors.ConnectException: S3Exception: Access Denied", e.getMessage(),
        "only the first line of the trace is in the message");
  }

  @Test
  void aFailedConnectorWithoutItsOwnTraceReportsTheFirstFailedTasksTrace() {
    ConnectorStatus failed = status(ConnectorState.FAILED, "",
        new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""),
        new TaskStatus(1, ConnectorState.FAILED, "FAILED", "worker-2", TRACE));

    ConnectorFailedException e = assertThrows(ConnectorFailedException.class,
        () -> untilState(ConnectorState.PAUSED, StatusScript.of(failed)).await(WAIT));

    assertEquals(TRACE, e.trace());
    assertTrue(e.getMessage().startsWith("Connector '" + NAME + "' FAILED while waiting for PAUSED: "), e.getMessage());
  }

  @Test
  void aFailedConnectorWithNoTraceAtAllStillEndsTheWait() {
    ConnectorFailedException e = assertThrows(ConnectorFailedException.class,
        () -> untilState(ConnectorState.RUNNING, StatusScript.of(ConnectorState.FAILED)).await(WAIT));

    assertEquals("", e.trace());
    assertEquals("Connector '" + NAME + "' FAILED while waiting for RUNNING", e.getMessage());
  }

  @Test
  void waitingForFailedCompletesOnFailed() {
    ChangeResult result = untilState(ConnectorState.FAILED, StatusScript.of(ConnectorState.RUNNING,
        status(ConnectorState.FAILED, TRACE))).await(WAIT);

    assertEquals(ConnectorState.FAILED, result.status().orElseThrow().state());
    assertEquals(2, result.polls());
  }

  @Test
  void aStateNeverReachedTimesOutWithTheLastStateSeen() {
    StatusScript script = StatusScript.of(ConnectorState.RESTARTING, ConnectorState.RUNNING);

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> untilState(ConnectorState.PAUSED, script).await(Duration.ofSeconds(2), progress::add));

    assertEquals("RUNNING (RUNNING)", e.lastSeen());
    assertEquals(NAME, e.connector());
    assertEquals("", e.operationId());
    assertEquals(Duration.ofSeconds(2), e.waited());
    assertTrue(e.getMessage().contains("to be PAUSED; last seen: RUNNING (RUNNING)"), e.getMessage());
    // 100 + 200 + 400 + 800 = 1500 ms, then the 500 ms left (not the full 1 s), then one last poll
    assertEquals(List.of(100L, 200L, 400L, 800L, 500L), time.sleepMillis());
    assertEquals(6, script.calls());
    assertEquals(6, progress.size());
  }

  @Test
  void aConnectorNotFoundWhileWaitingForAStateIsPolledOn() {
    StatusScript script = StatusScript.of(GONE, GONE, ConnectorState.RUNNING);

    ChangeResult result = untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add);

    assertEquals(List.of("not found", "not found", "RUNNING (RUNNING)"), progress);
    assertEquals(3, result.polls());
  }

  @Test
  void aConnectorThatStaysNotFoundTimesOutSayingSo() {
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> untilState(ConnectorState.RUNNING, StatusScript.of(GONE)).await(Duration.ofSeconds(1)));

    assertEquals("not found", e.lastSeen());
  }

  @Test
  void goneCompletesWhenTheStatusIsNotFound() {
    StatusScript script = StatusScript.of(ConnectorState.RUNNING, ConnectorState.DELETED, GONE);

    ChangeResult result = StatusChange.untilGone(Vendor.REDPANDA, NAME, script, waiter).await(WAIT, progress::add);

    assertTrue(result.status().isEmpty());
    assertEquals(3, result.polls());
    assertEquals(List.of("RUNNING (RUNNING)", "DELETED (DELETED)", "deleted"), progress);
  }

  @Test
  void failedDoesNotEndAWaitForDeletion() {
    StatusScript script = StatusScript.of(status(ConnectorState.FAILED, TRACE), GONE);

    ChangeResult result = StatusChange.untilGone(Vendor.REDPANDA, NAME, script, waiter).await(WAIT);

    assertTrue(result.status().isEmpty());
    assertEquals(2, result.polls());
  }

  @Test
  void aConnectorThatNeverGoesAwayTimesOut() {
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> StatusChange.untilGone(Vendor.CONFLUENT,
        NAME, StatusScript.of(ConnectorState.RUNNING), waiter).await(Duration.ofSeconds(1)));

    assertEquals("RUNNING (RUNNING)", e.lastSeen());
    assertTrue(e.getMessage().contains("to be deleted"), e.getMessage());
    assertEquals(Vendor.CONFLUENT, e.vendor());
  }

  @ParameterizedTest
  @EnumSource(value = ConnectorState.class, names = {"PROVISIONING", "RESTARTING", "UNASSIGNED", "UNKNOWN"})
  void passingStatesDoNotSettle(ConnectorState passing) {
    StatusScript script = StatusScript.of(passing, ConnectorState.PAUSED);

    ChangeResult result = StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter).await(WAIT, progress::add);

    assertEquals(2, result.polls());
    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(List.of(passing + " (" + passing + ")", "PAUSED (PAUSED)"), progress);
  }

  @ParameterizedTest
  @EnumSource(value = ConnectorState.class, names = {"RUNNING", "PAUSED", "STOPPED", "DEGRADED"})
  void settledStatesEndTheWaitOnTheFirstPoll(ConnectorState settled) {
    ChangeResult result =
        StatusChange.untilSettled(Vendor.REDPANDA, NAME, StatusScript.of(settled), waiter).await(WAIT);

    assertEquals(1, result.polls());
    assertEquals(settled, result.status().orElseThrow().state());
    assertFalse(time.sleepMillis().iterator().hasNext());
  }

  @Test
  void aConnectorThatNeverSettlesTimesOut() {
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> StatusChange.untilSettled(
        Vendor.REDPANDA, NAME, StatusScript.of(ConnectorState.PROVISIONING), waiter).await(Duration.ofSeconds(1)));

    assertEquals("PROVISIONING (PROVISIONING)", e.lastSeen());
    assertTrue(e.getMessage().contains("to be settled"), e.getMessage());
  }
}
