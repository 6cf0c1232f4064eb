package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The polling loop on a fake clock: backoff, deadlines, failures and progress, with no real
 * sleeping.
 */
class WaiterTest {
  private static final PollingPolicy POLICY =
      new PollingPolicy(Duration.ofMillis(100), 2.0, Duration.ofMillis(400));

  private final FakeTime time = new FakeTime();
  private final Waiter waiter = new Waiter(POLICY, time, time);

  /** Pending for {@code pending} polls (seen "step 1", "step 2" …), then done. */
  private static Supplier<Waiter.Observation> doneAfter(int pending, AtomicInteger polls) {
    return () -> {
      int n = polls.incrementAndGet();
      return n > pending
          ? Waiter.Observation.done("done at " + n, Optional.empty())
          : Waiter.Observation.pending("step " + n, Optional.empty());
    };
  }

  @Test
  void delaysGrowByTheMultiplierAndStopAtTheCap() {
    assertEquals(Duration.ofMillis(100), POLICY.delayAfter(0));
    assertEquals(Duration.ofMillis(100), POLICY.delayAfter(1));
    assertEquals(Duration.ofMillis(200), POLICY.delayAfter(2));
    assertEquals(Duration.ofMillis(400), POLICY.delayAfter(3));
    assertEquals(Duration.ofMillis(400), POLICY.delayAfter(4));
    assertEquals(
        Duration.ofMillis(400), POLICY.delayAfter(10_000), "huge poll counts stay at the cap");
  }

  @Test
  void theDefaultPolicyStartsAtHalfASecondAndDoublesUpToTenSeconds() {
    PollingPolicy defaults = PollingPolicy.defaults();
    List<Long> millis = new ArrayList<>();
    for (int polls = 1; polls <= 7; polls++) {
      millis.add(defaults.delayAfter(polls).toMillis());
    }
    assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L), millis);
  }

  @Test
  void aMultiplierOfOneKeepsTheDelayConstantAndOneBelowOneIsRefused() {
    PollingPolicy constant = new PollingPolicy(Duration.ofMillis(250), 1.0, Duration.ofSeconds(5));
    assertEquals(Duration.ofMillis(250), constant.delayAfter(1));
    assertEquals(Duration.ofMillis(250), constant.delayAfter(50));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PollingPolicy(Duration.ofMillis(250), 0.5, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("multiplier"), e.getMessage());
  }

  @Test
  void anInitialDelayAboveTheCapIsCut() {
    PollingPolicy policy = new PollingPolicy(Duration.ofSeconds(30), 2.0, Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(10), policy.delayAfter(1));
  }

  @Test
  void sleepsFollowThePolicyBetweenPollsAndTheResultCountsThePolls() {
    AtomicInteger polls = new AtomicInteger();

    ChangeResult result =
        waiter.await(
            Vendor.REDPANDA,
            "orders",
            "RUNNING",
            "op-1",
            Duration.ofMinutes(1),
            seen -> {},
            doneAfter(4, polls));

    assertEquals(
        List.of(100L, 200L, 400L, 400L), time.sleepMillis(), "no sleep after the last poll");
    assertEquals(5, result.polls());
    assertEquals(5, polls.get());
    assertEquals("orders", result.connector());
    assertEquals("op-1", result.operationId());
  }

  @Test
  void doneOnTheFirstPollNeverSleeps() {
    ChangeResult result =
        waiter.await(
            Vendor.CONFLUENT,
            "orders",
            "PAUSED",
            "",
            Duration.ZERO,
            seen -> {},
            doneAfter(0, new AtomicInteger()));

    assertEquals(1, result.polls());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void progressHearsEveryObservationInOrder() {
    List<String> progress = new ArrayList<>();

    waiter.await(
        Vendor.REDPANDA,
        "orders",
        "RUNNING",
        "",
        Duration.ofMinutes(1),
        progress::add,
        doneAfter(2, new AtomicInteger()));

    assertEquals(List.of("step 1", "step 2", "done at 3"), progress);
  }

  @Test
  void theTimeoutReportsTheLastObservationAndTheOperationId() {
    AtomicInteger polls = new AtomicInteger();
    List<String> progress = new ArrayList<>();

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                waiter.await(
                    Vendor.YANDEX,
                    "replicate-orders",
                    "operation done",
                    "c9q8mb9imphgb8m1og03",
                    Duration.ofSeconds(1),
                    progress::add,
                    doneAfter(Integer.MAX_VALUE, polls)));

    // 100 + 200 + 400 = 700 ms; the fourth sleep is cut to the 300 ms left, and one last poll
    // follows it
    assertEquals(List.of(100L, 200L, 400L, 300L), time.sleepMillis());
    assertEquals(5, polls.get());
    assertEquals("step 5", e.lastSeen());
    assertEquals(progress.get(progress.size() - 1), e.lastSeen());
    assertEquals("c9q8mb9imphgb8m1og03", e.operationId());
    assertEquals("replicate-orders", e.connector());
    assertEquals(Duration.ofSeconds(1), e.waited());
    assertEquals(Vendor.YANDEX, e.vendor());
    assertEquals(ErrorKind.WAIT_TIMEOUT, e.kind());
    assertEquals(
        "Timed out after 1s waiting for connector 'replicate-orders' to be operation done; "
            + "last seen: step 5; operation c9q8mb9imphgb8m1og03",
        e.getMessage());
  }

  @Test
  void aZeroTimeoutStillPollsOnce() {
    AtomicInteger polls = new AtomicInteger();

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () ->
                waiter.await(
                    Vendor.REDPANDA,
                    "orders",
                    "RUNNING",
                    "",
                    Duration.ZERO,
                    seen -> {},
                    doneAfter(Integer.MAX_VALUE, polls)));

    assertEquals(1, polls.get());
    assertEquals("step 1", e.lastSeen());
    assertEquals("", e.operationId());
    assertTrue(e.getMessage().endsWith("last seen: step 1"), e.getMessage());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void aFailedObservationEndsTheWaitAtOnceWithItsException() {
    ConnectorFailedException failure =
        ConnectorFailedException.failedState(
            Vendor.REDPANDA,
            "orders",
            "it broke",
            "FAILED",
            "java.lang.IllegalStateException: broken\n\tat x.y.Z");
    AtomicInteger polls = new AtomicInteger();
    List<String> progress = new ArrayList<>();

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () ->
                waiter.await(
                    Vendor.REDPANDA,
                    "orders",
                    "RUNNING",
                    "",
                    Duration.ofMinutes(1),
                    progress::add,
                    () ->
                        polls.incrementAndGet() < 3
                            ? Waiter.Observation.pending("RESTARTING", Optional.empty())
                            : Waiter.Observation.failed("FAILED", failure)));

    assertSame(failure, e);
    assertEquals(3, polls.get());
    assertEquals(List.of("RESTARTING", "RESTARTING", "FAILED"), progress);
    assertEquals(List.of(100L, 200L), time.sleepMillis(), "no sleep after the failure");
  }

  @Test
  void anInterruptedSleepCancelsTheWaitAndKeepsTheInterrupt() {
    Waiter interrupted =
        new Waiter(
            POLICY,
            d -> {
              throw new InterruptedException();
            },
            time);
    try {
      CancellationException e =
          assertThrows(
              CancellationException.class,
              () ->
                  interrupted.await(
                      Vendor.CONFLUENT,
                      "orders",
                      "PAUSED",
                      "",
                      Duration.ofMinutes(1),
                      seen -> {},
                      doneAfter(Integer.MAX_VALUE, new AtomicInteger())));

      assertTrue(e.getMessage().contains("interrupted (last seen: step 1)"), e.getMessage());
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aReadCutShortByAnInterruptCancelsTheWaitAndKeepsTheInterrupt() {
    ConnectCloudException readFailed =
        new NetworkException("read interrupted", ErrorContext.of(Vendor.CONFLUENT), null);
    try {
      CancellationException e =
          assertThrows(
              CancellationException.class,
              () ->
                  new Waiter(POLICY, time, time)
                      .await(
                          Vendor.CONFLUENT,
                          "orders",
                          "PAUSED",
                          "",
                          Duration.ofMinutes(1),
                          seen -> {},
                          () -> {
                            Thread.currentThread().interrupt();
                            throw readFailed;
                          }));

      assertSame(readFailed, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
