package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.GONE;
import static io.connectctl.facade.internal.StatusScript.NAME;
import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Waiting by polling status, on scripted status sequences and a fake clock. */
class StatusChangeTest {
  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final String TRACE =
      "org.apache.kafka.connect.errors.ConnectException: S3Exception: Access Denied\n"
          + "\tat io.confluent.connect.s3.S3SinkTask.put(S3SinkTask.java:210)";

  private final FakeTime time = new FakeTime();
  private final Waiter waiter =
      new Waiter(new PollingPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)), time, time);
  private final List<String> progress = new ArrayList<>();

  private StatusChange untilState(ConnectorState target, StatusScript script) {
    return StatusChange.untilState(Vendor.REDPANDA, NAME, target, script, waiter);
  }

  @Test
  void afterARequestTheFirstReadWaitsForThePolicysFirstDelayAPlainWaitReadsAtOnce() {
    Waiter firstAfterOneSecond =
        new Waiter(
            new PollingPolicy(
                Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2), Duration.ofSeconds(1)),
            time,
            time);
    List<Long> readAt = new ArrayList<>();
    StatusScript gone = StatusScript.of(StatusScript.GONE);
    java.util.function.Supplier<io.connectctl.facade.ConnectorStatus> recording =
        () -> {
          readAt.add(time.getAsLong());
          return gone.get();
        };

    long requested = time.getAsLong();
    StatusChange.untilGone(Vendor.REDPANDA, NAME, recording, firstAfterOneSecond).await(WAIT);
    assertEquals(List.of(requested + Duration.ofSeconds(1).toNanos()), readAt);

    readAt.clear();
    long waitStarted = time.getAsLong();
    StatusChange.untilGone(Vendor.REDPANDA, NAME, recording, firstAfterOneSecond)
        .readingAtOnce()
        .await(WAIT);
    assertEquals(List.of(waitStarted), readAt);
  }

  @Test
  void targetsAreNamedForMessages() {
    StatusScript script = StatusScript.of(ConnectorState.RUNNING);
    assertEquals("RUNNING", untilState(ConnectorState.RUNNING, script).target());
    assertEquals("PAUSED", untilState(ConnectorState.PAUSED, script).target());
    assertEquals("deleted", StatusChange.untilGone(Vendor.REDPANDA, NAME, script, waiter).target());
    assertEquals(
        "settled", StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter).target());
    StatusChange change = untilState(ConnectorState.RUNNING, script);
    assertEquals(NAME, change.connector());
    assertEquals("", change.operationId());
    assertEquals(0, script.calls(), "nothing is polled before await");
  }

  @Test
  void aTargetStateCompletesOnceReached() {
    StatusScript script =
        StatusScript.of(
            ConnectorState.PROVISIONING, ConnectorState.UNASSIGNED, ConnectorState.RUNNING);

    ChangeResult result = untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(3, result.polls());
    assertEquals(3, script.calls());
    assertEquals(NAME, result.connector());
    assertEquals("", result.operationId());
    assertEquals(
        List.of("PROVISIONING (PROVISIONING)", "UNASSIGNED (UNASSIGNED)", "RUNNING (RUNNING)"),
        progress);
    assertEquals(List.of(100L, 200L), time.sleepMillis());
  }

  @Test
  void theProgressLabelLeavesOutAnEmptyVendorState() {
    ConnectorStatus bare =
        new ConnectorStatus(NAME, null, ConnectorState.PAUSED, "", null, null, null, null);

    untilState(ConnectorState.PAUSED, StatusScript.of(bare)).await(WAIT, progress::add);

    assertEquals(List.of("PAUSED"), progress);
  }

  @Test
  void failedEndsTheWaitAtOnceWithTheTrace() {
    StatusScript script =
        StatusScript.of(
            ConnectorState.RESTARTING,
            status(ConnectorState.FAILED, TRACE),
            ConnectorState.RUNNING);

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
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
    assertEquals(
        "Connector '"
            + NAME
            + "' FAILED while waiting for RUNNING: "
            + "org.apache.kafka.connect.errors.ConnectException: S3Exception: Access Denied",
        e.getMessage(),
        "only the first line of the trace is in the message");
  }

  @Test
  void aFailedConnectorWithoutItsOwnTraceReportsTheFirstFailedTasksTrace() {
    ConnectorStatus failed =
        status(
            ConnectorState.FAILED,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""),
            new TaskStatus(1, ConnectorState.FAILED, "FAILED", "worker-2", TRACE));

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () -> untilState(ConnectorState.PAUSED, StatusScript.of(failed)).await(WAIT));

    assertEquals(TRACE, e.trace());
    assertTrue(
        e.getMessage().startsWith("Connector '" + NAME + "' FAILED while waiting for PAUSED: "),
        e.getMessage());
  }

  @Test
  void aFailedConnectorWithNoTraceAtAllStillEndsTheWait() {
    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () ->
                untilState(ConnectorState.RUNNING, StatusScript.of(ConnectorState.FAILED))
                    .await(WAIT));

    assertEquals("", e.trace());
    assertEquals("Connector '" + NAME + "' FAILED while waiting for RUNNING", e.getMessage());
  }

  @Test
  void waitingForFailedCompletesOnFailed() {
    ChangeResult result =
        untilState(
                ConnectorState.FAILED,
                StatusScript.of(ConnectorState.RUNNING, status(ConnectorState.FAILED, TRACE)))
            .await(WAIT);

    assertEquals(ConnectorState.FAILED, result.status().orElseThrow().state());
    assertEquals(2, result.polls());
  }

  @Test
  void aStateNeverReachedTimesOutWithTheLastStateSeen() {
    StatusScript script = StatusScript.of(ConnectorState.RESTARTING, ConnectorState.RUNNING);

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                untilState(ConnectorState.PAUSED, script)
                    .await(Duration.ofSeconds(2), progress::add));

    assertEquals("RUNNING (RUNNING)", e.lastSeen());
    assertEquals(NAME, e.connector());
    assertEquals("", e.operationId());
    assertEquals(Duration.ofSeconds(2), e.waited());
    assertTrue(
        e.getMessage().contains("to be PAUSED; last seen: RUNNING (RUNNING)"), e.getMessage());
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
    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                untilState(ConnectorState.RUNNING, StatusScript.of(GONE))
                    .await(Duration.ofSeconds(1)));

    assertEquals("not found", e.lastSeen());
  }

  @Test
  void goneCompletesWhenTheStatusIsNotFound() {
    StatusScript script = StatusScript.of(ConnectorState.RUNNING, ConnectorState.DELETED, GONE);

    ChangeResult result =
        StatusChange.untilGone(Vendor.REDPANDA, NAME, script, waiter).await(WAIT, progress::add);

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
    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                StatusChange.untilGone(
                        Vendor.CONFLUENT, NAME, StatusScript.of(ConnectorState.RUNNING), waiter)
                    .await(Duration.ofSeconds(1)));

    assertEquals("RUNNING (RUNNING)", e.lastSeen());
    assertTrue(e.getMessage().contains("to be deleted"), e.getMessage());
    assertEquals(Vendor.CONFLUENT, e.vendor());
  }

  @ParameterizedTest
  @EnumSource(
      value = ConnectorState.class,
      names = {"PROVISIONING", "RESTARTING", "UNASSIGNED", "UNKNOWN"})
  void passingStatesDoNotSettle(ConnectorState passing) {
    StatusScript script = StatusScript.of(passing, ConnectorState.PAUSED);

    ChangeResult result =
        StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter).await(WAIT, progress::add);

    assertEquals(2, result.polls());
    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(List.of(passing + " (" + passing + ")", "PAUSED (PAUSED)"), progress);
  }

  /**
   * A settled status that never changes may be one from before the update (the worker has not
   * reconfigured yet): it ends the wait only once it has held for the quiet period (issue 8, item
   * 2; it used to end on the first poll).
   */
  @ParameterizedTest
  @EnumSource(
      value = ConnectorState.class,
      names = {"RUNNING", "PAUSED", "STOPPED", "DEGRADED"})
  void settledStatesEndTheWaitOnceTheyHaveHeldForTheQuietPeriod(ConnectorState settled) {
    ChangeResult result =
        StatusChange.untilSettled(Vendor.REDPANDA, NAME, StatusScript.of(settled), waiter)
            .await(WAIT);

    assertEquals(settled, result.status().orElseThrow().state());
    long slept = time.sleepMillis().stream().mapToLong(Long::longValue).sum();
    assertTrue(result.polls() > 1, "not on the first poll");
    assertTrue(
        slept >= StatusChange.QUIET.toMillis() && slept < StatusChange.QUIET.toMillis() + 1000,
        "ends after the quiet period: " + time.sleepMillis());
  }

  @Test
  void anUpdateEndsOnceTheTasksRestartedAndSettled() {
    ConnectorStatus before =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));
    ConnectorStatus reassigning =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.UNASSIGNED, "UNASSIGNED", "", ""));
    ConnectorStatus after =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-2", ""));
    StatusScript script = StatusScript.of(before, reassigning, after);

    ChangeResult result =
        StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter).await(WAIT, progress::add);

    assertEquals(3, result.polls(), progress.toString());
    assertEquals("worker-2", result.status().orElseThrow().tasks().get(0).workerId());
  }

  @Test
  void anUpdateWaitsUntilTheWorkerShowsTheNewConfig() {
    Map<String, String> sent =
        Map.of("tasks.max", "2", "topics", "orders", "aws.secret.access.key", "s3cr3t");
    List<Map<String, String>> reads =
        new ArrayList<>(
            List.of(
                Map.of("tasks.max", "1", "topics", "orders", "aws.secret.access.key", "****"),
                Map.of("tasks.max", "1", "topics", "orders", "aws.secret.access.key", "****"),
                Map.of(
                    "tasks.max",
                    "2",
                    "topics",
                    "orders",
                    "topics.regex",
                    "",
                    "aws.secret.access.key",
                    "****")));
    int[] configReads = {0};
    ConnectorStatus restarted =
        status(
            ConnectorState.RUNNING,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""),
            new TaskStatus(1, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));
    StatusScript script = StatusScript.of(ConnectorState.RUNNING, restarted);

    ChangeResult result =
        StatusChange.untilSettled(Vendor.CONFLUENT, NAME, script, waiter)
            .confirmingConfig(() -> reads.get(Math.min(configReads[0]++, reads.size() - 1)), sent)
            .await(WAIT, progress::add);

    assertEquals(
        3, configReads[0], "read until the new config shows, a masked secret counting as shown");
    assertEquals(3, result.polls());
    assertTrue(progress.get(0).contains("new config not shown yet"), progress.toString());
  }

  /** Issue 8, item 2: PAUSED while a task still runs is not paused yet. */
  @Test
  void aStateCountsOnlyOnceTheTasksAreInItToo() {
    ConnectorStatus pausing =
        status(
            ConnectorState.PAUSED,
            "",
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));
    StatusScript script = StatusScript.of(pausing, ConnectorState.PAUSED);

    ChangeResult result = untilState(ConnectorState.PAUSED, script).await(WAIT, progress::add);

    assertEquals(2, result.polls());
    assertEquals(List.of("PAUSED (PAUSED), task 0 RUNNING", "PAUSED (PAUSED)"), progress);
  }

  @Test
  void yandexReportsNoTasksSoItsStateAloneCounts() {
    StatusScript script = StatusScript.of(status(ConnectorState.RUNNING, ""));

    ChangeResult result =
        StatusChange.untilState(Vendor.YANDEX, NAME, ConnectorState.RUNNING, script, waiter)
            .await(WAIT, progress::add);

    assertEquals(1, result.polls());
  }

  /** Issue 8, item 3: RUNNING with no tasks right after a create is starting, not degraded. */
  @Test
  void runningWithoutTasksIsShownAsStartingAndTheWaitGoesOnUntilTheTasksRun() {
    ConnectorStatus noTasksYet =
        new ConnectorStatus(
            NAME,
            io.connectctl.facade.ConnectorType.SINK,
            ConnectorState.DEGRADED,
            "RUNNING",
            Map.of("holistic_state", "CONNECTOR_HOLISTIC_STATE_UNHEALTHY"),
            "worker-1",
            "",
            List.of());
    StatusScript script = StatusScript.of(noTasksYet, noTasksYet, ConnectorState.RUNNING);

    ChangeResult result = untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add);

    assertEquals(
        List.of(
            "starting (RUNNING, no tasks yet)",
            "starting (RUNNING, no tasks yet)",
            "RUNNING (RUNNING)"),
        progress);
    assertEquals(3, result.polls());
  }

  @Test
  void aConnectorThatStaysWithoutTasksIsAcceptedAfterTheStartingPeriod() {
    StatusScript script = StatusScript.of(status(ConnectorState.RUNNING, ""));

    ChangeResult result = untilState(ConnectorState.RUNNING, script).await(WAIT, progress::add);

    long slept = time.sleepMillis().stream().mapToLong(Long::longValue).sum();
    assertTrue(slept >= StatusChange.STARTING.toMillis(), time.sleepMillis().toString());
    assertEquals("RUNNING (RUNNING)", progress.get(progress.size() - 1));
    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
  }

  @Test
  void aConfigUpdateThatLeavesTheConnectorFailedEndsWithTheTrace() {
    StatusScript script =
        StatusScript.of(ConnectorState.FAILED, ConnectorState.RESTARTING, ConnectorState.FAILED);

    assertThrows(
        ConnectorFailedException.class,
        () ->
            StatusChange.untilSettled(Vendor.REDPANDA, NAME, script, waiter)
                .await(WAIT, progress::add));

    assertEquals(3, progress.size());
    assertTrue(progress.get(0).contains("config update not picked up yet"), progress.get(0));
  }

  @Test
  void aConnectorThatNeverSettlesTimesOut() {
    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                StatusChange.untilSettled(
                        Vendor.REDPANDA, NAME, StatusScript.of(ConnectorState.PROVISIONING), waiter)
                    .await(Duration.ofSeconds(1)));

    assertEquals("PROVISIONING (PROVISIONING)", e.lastSeen());
    assertTrue(e.getMessage().contains("to be settled"), e.getMessage());
  }

  /** Right after a restart or resume the status may still show the FAILED state from before it. */
  @Nested
  class AfterRestart {
    private StatusChange afterRestart(StatusScript script) {
      return StatusChange.untilStateAfterRestart(
          Vendor.REDPANDA, NAME, ConnectorState.RUNNING, script, waiter);
    }

    /** Redpanda's rule: DEGRADED with a failed task cannot become RUNNING by itself. */
    private Optional<ConnectorFailedException> failedTask(ConnectorStatus seen) {
      return seen.state() == ConnectorState.DEGRADED && seen.tasksIn(ConnectorState.FAILED) > 0
          ? Optional.of(
              ConnectorFailedException.failedState(
                  Vendor.REDPANDA, NAME, "task failed", "RUNNING", seen.firstTrace()))
          : Optional.empty();
    }

    private ConnectorStatus degradedWithFailedTask() {
      return status(
          ConnectorState.DEGRADED,
          "",
          new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""),
          new TaskStatus(1, ConnectorState.FAILED, "FAILED", "worker-2", TRACE));
    }

    @Test
    void aFailedStateFromBeforeTheRestartIsPolledOnUntilRunning() {
      StatusScript script =
          StatusScript.of(ConnectorState.FAILED, ConnectorState.RESTARTING, ConnectorState.RUNNING);

      ChangeResult result = afterRestart(script).await(WAIT, progress::add);

      assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
      assertEquals(3, result.polls());
      assertEquals(
          List.of(
              "FAILED (FAILED), restart not picked up yet",
              "RESTARTING (RESTARTING)",
              "RUNNING (RUNNING)"),
          progress);
    }

    @Test
    void failedAgainAfterAnotherStateEndsTheWaitWithTheTrace() {
      StatusScript script =
          StatusScript.of(
              ConnectorState.FAILED,
              ConnectorState.RESTARTING,
              status(ConnectorState.FAILED, TRACE),
              ConnectorState.RUNNING);

      ConnectorFailedException e =
          assertThrows(
              ConnectorFailedException.class,
              () -> afterRestart(script).await(WAIT, progress::add));

      assertEquals(3, script.calls());
      assertEquals(TRACE, e.trace());
      assertEquals(NAME, e.connector());
      assertEquals(
          List.of(
              "FAILED (FAILED), restart not picked up yet",
              "RESTARTING (RESTARTING)",
              "FAILED (FAILED)"),
          progress);
    }

    @Test
    void aConnectorStuckInFailedTimesOutWithFailedAsTheLastState() {
      StatusScript script = StatusScript.of(status(ConnectorState.FAILED, TRACE));

      WaitTimeoutException e =
          assertThrows(
              WaitTimeoutException.class,
              () -> afterRestart(script).await(Duration.ofSeconds(1), progress::add));

      assertEquals("FAILED (FAILED), restart not picked up yet", e.lastSeen());
      assertTrue(e.getMessage().contains("to be RUNNING; last seen: FAILED"), e.getMessage());
      assertEquals(
          5, script.calls(), "polled on for the whole timeout: 100 + 200 + 400 + 300 ms of sleeps");
      assertEquals(List.of(100L, 200L, 400L, 300L), time.sleepMillis());
    }

    /**
     * Issue 8, item 1: the worker applied the restart before the first poll and the task failed
     * again at once; there is no other state to see. The wait ends with the trace once the grace
     * period is over, not at the timeout.
     */
    @Test
    void aTaskThatFailsAgainRightAfterTheRestartEndsTheWaitAfterTheGrace() {
      StatusScript script = StatusScript.of(degradedWithFailedTask());

      ConnectorFailedException e =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  afterRestart(script)
                      .failingAlsoWhen(this::failedTask)
                      .await(Duration.ofSeconds(30), progress::add));

      assertEquals(TRACE, e.trace());
      long slept = time.sleepMillis().stream().mapToLong(Long::longValue).sum();
      assertTrue(
          slept >= StatusChange.GRACE.toMillis() && slept < StatusChange.GRACE.toMillis() + 1000,
          "ends just after the grace period: " + time.sleepMillis());
      assertTrue(progress.get(0).endsWith("restart not picked up yet"), progress.toString());
      assertEquals("DEGRADED (DEGRADED)", progress.get(progress.size() - 1));
    }

    @Test
    void aConnectorThatFailsAgainRightAfterAResumeEndsTheWaitAfterTheGrace() {
      StatusScript script = StatusScript.of(status(ConnectorState.FAILED, TRACE));

      ConnectorFailedException e =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  StatusChange.untilStateAfterResume(
                          Vendor.CONFLUENT, NAME, ConnectorState.RUNNING, script, waiter)
                      .await(Duration.ofSeconds(20)));

      assertEquals(TRACE, e.trace());
      assertTrue(
          time.sleepMillis().stream().mapToLong(Long::longValue).sum() < 4000,
          time.sleepMillis().toString());
    }

    @Test
    void aResumeSaysSoWhileItIsNotPickedUp() {
      StatusScript script = StatusScript.of(ConnectorState.FAILED, ConnectorState.RUNNING);

      StatusChange.untilStateAfterResume(
              Vendor.CONFLUENT, NAME, ConnectorState.RUNNING, script, waiter)
          .await(WAIT, progress::add);

      assertEquals(
          List.of("FAILED (FAILED), resume not picked up yet", "RUNNING (RUNNING)"), progress);
    }

    @Test
    void aPassingStateOnTheFirstPollMakesTheNextFailedFinal() {
      StatusScript script = StatusScript.of(ConnectorState.UNASSIGNED, ConnectorState.FAILED);

      assertThrows(ConnectorFailedException.class, () -> afterRestart(script).await(WAIT));
      assertEquals(2, script.calls());
    }

    @Test
    void whatWasSeenCarriesOverToTheNextAwaitOfTheSameChange() {
      StatusChange change =
          afterRestart(StatusScript.of(ConnectorState.RESTARTING, ConnectorState.FAILED));

      assertThrows(WaitTimeoutException.class, () -> change.await(Duration.ZERO));
      assertThrows(
          ConnectorFailedException.class,
          () -> change.await(WAIT),
          "the restart was picked up during the first wait, so FAILED now is real");
    }

    @Test
    void anExtraFailureRuleIsToleratedTheSameWay() {
      StatusScript script =
          StatusScript.of(
              degradedWithFailedTask(), ConnectorState.RESTARTING, degradedWithFailedTask());

      ConnectorFailedException e =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  afterRestart(script)
                      .failingAlsoWhen(this::failedTask)
                      .await(WAIT, progress::add));

      assertEquals("task failed", e.getMessage());
      assertEquals(TRACE, e.trace());
      assertEquals(
          List.of(
              "DEGRADED (DEGRADED), restart not picked up yet",
              "RESTARTING (RESTARTING)",
              "DEGRADED (DEGRADED)"),
          progress);
    }

    @Test
    void aFailedTaskFromBeforeTheRestartIsPolledOnUntilRunning() {
      StatusScript script =
          StatusScript.of(
              degradedWithFailedTask(), degradedWithFailedTask(), ConnectorState.RUNNING);

      ChangeResult result = afterRestart(script).failingAlsoWhen(this::failedTask).await(WAIT);

      assertEquals(3, result.polls());
      assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    }

    @Test
    void withoutARestartTheExtraRuleEndsTheWaitAtOnce() {
      StatusScript script = StatusScript.of(degradedWithFailedTask(), ConnectorState.RUNNING);

      ConnectorFailedException e =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  untilState(ConnectorState.RUNNING, script)
                      .failingAlsoWhen(this::failedTask)
                      .await(WAIT, progress::add));

      assertEquals("task failed", e.getMessage());
      assertEquals(1, script.calls());
      assertEquals(List.of("DEGRADED (DEGRADED)"), progress);
    }

    @Test
    void aDegradedConnectorWithoutFailedTasksCountsAsPickedUp() {
      ConnectorStatus degradedButAlive =
          status(
              ConnectorState.DEGRADED,
              "",
              new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "worker-1", ""));
      StatusScript script =
          StatusScript.of(ConnectorState.FAILED, degradedButAlive, ConnectorState.FAILED);

      assertThrows(
          ConnectorFailedException.class,
          () -> afterRestart(script).failingAlsoWhen(this::failedTask).await(WAIT));
      assertEquals(3, script.calls());
    }
  }
}
