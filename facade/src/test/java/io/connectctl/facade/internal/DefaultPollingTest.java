package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.NAME;
import static io.connectctl.facade.internal.StatusScript.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clients' default polling policy on a fake clock: a fake server flips the connector's status a
 * scripted time after the request and records when it was read (issue 22, item 1).
 */
class DefaultPollingTest {
  private final FakeTime time = new FakeTime();
  private final List<Long> readAt = new ArrayList<>();

  /**
   * A status that turns {@code after} into {@code to} {@code flipAfter} the request at {@code
   * requested}.
   */
  private Supplier<ConnectorStatus> server(
      long requested, Duration flipAfter, ConnectorState from, ConnectorState to) {
    return () -> {
      long now = time.getAsLong();
      readAt.add(now);
      return status(now - requested >= flipAfter.toNanos() ? to : from);
    };
  }

  private Duration noticedLate(Duration change) {
    Waiter waiter = new Waiter(PollingPolicy.proportional(), time, time);
    long requested = time.getAsLong();
    ChangeResult result =
        StatusChange.untilState(
                Vendor.KAFKA_CONNECT,
                NAME,
                ConnectorState.PAUSED,
                server(requested, change, ConnectorState.RUNNING, ConnectorState.PAUSED),
                waiter)
            .await(Duration.ofMinutes(5));
    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(readAt.size(), result.polls());
    return Duration.ofNanos(readAt.get(readAt.size() - 1) - requested).minus(change);
  }

  @Test
  void clientsPollWithTheProportionalPolicyUnlessToldOtherwise() {
    try (KafkaConnectConnectorClient client =
        KafkaConnectConnectorClient.builder().baseUrl("http://127.0.0.1:1").build()) {
      assertEquals(PollingPolicy.proportional(), ((BaseConnectorClient) client).waiter().policy());
    }
  }

  /** The case: a change that takes 200 ms is seen within 250 ms of it. */
  @Test
  void aChangeOf200MillisecondsIsSeenWithin250Milliseconds() {
    Duration late = noticedLate(Duration.ofMillis(200));

    long requested = readAt.get(0);
    assertEquals(
        List.of(0L, 250L),
        readAt.stream().map(t -> Duration.ofNanos(t - requested).toMillis()).toList(),
        "a read at once, the next 250 ms after the request");
    assertTrue(late.compareTo(Duration.ofMillis(250)) <= 0, "late by " + late);
  }

  /**
   * Whatever the change takes, it is noticed within the longer of 250 ms and 10 % of that time, and
   * never more than 2 s late.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 300, 999, 1000, 2600, 5000, 7777, 19_999, 30_000, 120_000})
  void aChangeIsNoticedWithinATenthOfItsTimeAndAtMostTwoSecondsLate(long millis) {
    Duration change = Duration.ofMillis(millis);
    Duration late = noticedLate(change);

    long allowed = Math.min(2000, Math.max(250, millis / 10));
    assertTrue(late.toMillis() <= allowed, "late by " + late + ", allowed " + allowed + " ms");
  }

  private static ConnectorStatus running(ConnectorState task) {
    return status(
        task == ConnectorState.RESTARTING ? ConnectorState.RESTARTING : ConnectorState.RUNNING,
        "",
        new TaskStatus(0, task, task.name(), "worker-1", ""));
  }

  private ChangeResult restart(ConnectorStatus answer) {
    Waiter waiter = new Waiter(PollingPolicy.proportional(), time, time);
    Supplier<ConnectorStatus> alwaysRunning =
        () -> {
          readAt.add(time.getAsLong());
          return running(ConnectorState.RUNNING);
        };
    return StatusChange.untilStateAfterRestart(
            Vendor.KAFKA_CONNECT, NAME, ConnectorState.RUNNING, alwaysRunning, waiter)
        .toldByServer(answer)
        .await(Duration.ofMinutes(1));
  }

  /**
   * Kafka Connect answers a restart with options with the instances it restarts (RESTARTING): the
   * RUNNING read next differs from that answer and ends the wait at once, without a quiet period.
   */
  @Test
  void aRestartTheServerShowedAsRestartingEndsOnTheFirstRunningRead() {
    ChangeResult result = restart(running(ConnectorState.RESTARTING));

    assertEquals(1, result.polls());
    assertEquals(List.of(), time.sleepMillis());
  }

  /** An answer restarting nothing (onlyFailed, nothing failed): the status is taken as it is. */
  @Test
  void aRestartOfNothingEndsOnTheFirstRead() {
    assertEquals(1, restart(running(ConnectorState.RUNNING)).polls());
  }

  /**
   * No answer (a plain restart, 204): the RUNNING seen may be the one from before, accepted once it
   * held for the policy's quiet period, which a policy can set.
   */
  @Test
  void withoutAnAnswerTheQuietPeriodOfThePolicyApplies() {
    ChangeResult result = restart(null);
    long slept = time.sleepMillis().stream().mapToLong(Long::longValue).sum();
    assertTrue(result.polls() > 1);
    assertTrue(slept >= 2000 && slept < 2250, "slept " + time.sleepMillis());

    Waiter shortQuiet =
        new Waiter(PollingPolicy.builder().quietPeriod(Duration.ofMillis(500)).build(), time, time);
    FakeTime before = time;
    long start = before.getAsLong();
    StatusChange.untilStateAfterRestart(
            Vendor.KAFKA_CONNECT,
            NAME,
            ConnectorState.RUNNING,
            () -> running(ConnectorState.RUNNING),
            shortQuiet)
        .await(Duration.ofMinutes(1));
    long took = Duration.ofNanos(time.getAsLong() - start).toMillis();
    assertTrue(took >= 500 && took < 750, "took " + took + " ms");
  }
}
