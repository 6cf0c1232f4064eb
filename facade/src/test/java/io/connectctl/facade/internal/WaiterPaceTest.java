package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reads keep to a schedule: neither slow reads nor late wake-ups stretch the time between them. */
class WaiterPaceTest {
  private final FakeTime time = new FakeTime();

  /** Each read takes {@code readMillis} of the fake clock; done on read {@code doneOn}. */
  private ChangeResult await(
      PollingPolicy policy, long readMillis, int doneOn, AtomicInteger reads) {
    return new Waiter(policy, time, time)
        .await(
            Vendor.REDPANDA,
            "orders",
            "PAUSED",
            "",
            Duration.ofMinutes(5),
            seen -> {},
            () -> {
              time.sleep(Duration.ofMillis(readMillis)); // the read itself
              int n = reads.incrementAndGet();
              return n >= doneOn
                  ? Waiter.Observation.done("PAUSED", Optional.empty())
                  : Waiter.Observation.pending("RUNNING", Optional.empty());
            });
  }

  @Test
  void theTimeAReadTakesIsPartOfTheDelay() {
    AtomicInteger reads = new AtomicInteger();
    ChangeResult result =
        await(
            new PollingPolicy(Duration.ofMillis(1000), 2.0, Duration.ofMillis(2000)),
            300,
            5,
            reads);

    // recorded sleeps alternate: the read (300 ms), then the rest of the policy's delay
    assertEquals(
        List.of(300L, 700L, 300L, 1700L, 300L, 1700L, 300L, 1700L, 300L), time.sleepMillis());
    assertEquals(5, result.polls());
  }

  @Test
  void aReadSlowerThanTheDelayIsStillFollowedByAQuarterOfIt() {
    AtomicInteger reads = new AtomicInteger();
    await(new PollingPolicy(Duration.ofMillis(400), 1.0, Duration.ofMillis(400)), 1000, 3, reads);

    assertEquals(List.of(1000L, 100L, 1000L, 100L, 1000L), time.sleepMillis());
  }

  @Test
  void aSleepThatOverranIsMadeUpOnTheNextOne() {
    AtomicInteger reads = new AtomicInteger();
    Waiter.Sleeper overrunning =
        d -> {
          time.sleep(d);
          time.sleep(Duration.ofMillis(50)); // the machine woke the thread late
        };
    new Waiter(
            new PollingPolicy(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)), overrunning, time)
        .await(
            Vendor.YANDEX,
            "orders",
            "done",
            "op",
            Duration.ofMinutes(1),
            seen -> {},
            () ->
                reads.incrementAndGet() >= 4
                    ? Waiter.Observation.done("done", Optional.empty())
                    : Waiter.Observation.pending("running", Optional.empty()));

    // asked for, then overran: reads stay one second apart on average instead of 1.05 s
    assertEquals(List.of(1000L, 50L, 950L, 50L, 950L, 50L), time.sleepMillis());
  }

  @Test
  void thePromptPolicyReadsAfterOneSecondThenEveryTwo() {
    PollingPolicy prompt = PollingPolicy.prompt();
    assertEquals(
        List.of(1000L, 2000L, 2000L, 2000L),
        List.of(
            prompt.delayAfter(1).toMillis(),
            prompt.delayAfter(2).toMillis(),
            prompt.delayAfter(3).toMillis(),
            prompt.delayAfter(1000).toMillis()));
  }

  @Test
  void theFrugalPolicyReadsOneSecondAfterTheRequestThenEveryTwo() {
    PollingPolicy frugal = PollingPolicy.frugal();
    assertEquals(
        List.of(1000L, 2000L, 2000L, 2000L),
        List.of(
            frugal.firstDelay().toMillis(),
            frugal.delayAfter(1).toMillis(),
            frugal.delayAfter(2).toMillis(),
            frugal.delayAfter(1000).toMillis()));
    assertEquals(Duration.ZERO, PollingPolicy.prompt().firstDelay());
    assertEquals(Duration.ZERO, PollingPolicy.defaults().firstDelay());
  }

  private static final PollingPolicy FIRST_AFTER_ONE_SECOND =
      new PollingPolicy(Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2), Duration.ofSeconds(1));

  private ChangeResult awaitRequested(
      long requestedAt, Duration timeout, int doneOn, AtomicInteger reads) {
    return new Waiter(FIRST_AFTER_ONE_SECOND, time, time)
        .awaitRequested(
            requestedAt,
            Vendor.REDPANDA,
            "orders",
            "PAUSED",
            "",
            timeout,
            seen -> {},
            () ->
                reads.incrementAndGet() >= doneOn
                    ? Waiter.Observation.done("PAUSED", Optional.empty())
                    : Waiter.Observation.pending("RUNNING", Optional.empty()));
  }

  @Test
  void afterARequestTheFirstReadWaitsForTheFirstDelayThenKeepsToTheSchedule() {
    AtomicInteger reads = new AtomicInteger();
    long requested = time.getAsLong();
    time.sleep(Duration.ofMillis(300)); // the caller did something else before awaiting

    ChangeResult result = awaitRequested(requested, Duration.ofMinutes(1), 3, reads);

    // reads at 1 s, 3 s and 5 s after the request
    assertEquals(List.of(300L, 700L, 2000L, 2000L), time.sleepMillis());
    assertEquals(3, result.polls());
  }

  @Test
  void aChangeAwaitedAfterItsFirstDelayIsReadAtOnce() {
    AtomicInteger reads = new AtomicInteger();
    long requested = time.getAsLong();
    time.sleep(Duration.ofMillis(1500));

    ChangeResult result = awaitRequested(requested, Duration.ofMinutes(1), 1, reads);

    assertEquals(List.of(1500L), time.sleepMillis());
    assertEquals(1, result.polls());
  }

  @Test
  void aTimeoutShorterThanTheFirstDelayStillGetsOneRead() {
    AtomicInteger reads = new AtomicInteger();
    long requested = time.getAsLong();

    assertThrows(
        WaitTimeoutException.class,
        () -> awaitRequested(requested, Duration.ofMillis(400), 99, reads));

    assertEquals(1, reads.get());
    assertEquals(List.of(400L), time.sleepMillis());
  }

  @Test
  void aWaitThatFollowsNoRequestReadsAtOnceWhateverTheFirstDelay() {
    AtomicInteger reads = new AtomicInteger();
    new Waiter(FIRST_AFTER_ONE_SECOND, time, time)
        .await(
            Vendor.REDPANDA,
            "orders",
            "PAUSED",
            "",
            Duration.ofMinutes(1),
            seen -> {},
            () ->
                reads.incrementAndGet() >= 2
                    ? Waiter.Observation.done("PAUSED", Optional.empty())
                    : Waiter.Observation.pending("RUNNING", Optional.empty()));

    assertEquals(List.of(2000L), time.sleepMillis());
  }
}
