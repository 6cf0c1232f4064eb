package io.connectctl.testfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
  private static final Eventually QUICK =
      Eventually.within(Duration.ofSeconds(5)).every(Duration.ofMillis(1));

  @Test
  void returnsOnceTheAssertionHolds() {
    AtomicInteger calls = new AtomicInteger();
    QUICK.untilAsserted("third call", () -> assertEquals(3, calls.incrementAndGet()));
    assertEquals(3, calls.get());
  }

  @Test
  void returnsTheFirstAcceptedValue() {
    AtomicInteger calls = new AtomicInteger();
    int value = QUICK.until("reaches 4", calls::incrementAndGet, v -> v >= 4);
    assertEquals(4, value);
  }

  @Test
  void aConditionIsPolledUntilTrue() {
    AtomicInteger calls = new AtomicInteger();
    QUICK.until("five calls", () -> calls.incrementAndGet() == 5);
    assertEquals(5, calls.get());
  }

  @Test
  void timingOutNamesTheWaitAndKeepsTheLastFailure() {
    AtomicInteger calls = new AtomicInteger();
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                Eventually.within(Duration.ofMillis(50))
                    .every(Duration.ofMillis(5))
                    .untilAsserted(
                        "never",
                        () -> assertEquals(-1, calls.incrementAndGet(), "call " + calls.get())));
    assertTrue(e.getMessage().contains("not within PT0.05S"), e.getMessage());
    assertTrue(e.getMessage().contains("never"), e.getMessage());
    assertTrue(e.getCause() instanceof AssertionError, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("call " + calls.get()), e.getCause()::getMessage);
    assertTrue(calls.get() > 1, "polled more than once");
  }

  @Test
  void timingOutSaysTheLastValue() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                Eventually.within(Duration.ofMillis(20))
                    .until("empty", () -> "full", "empty"::equals));
    assertTrue(e.getMessage().contains("last value: full"), e.getMessage());
  }

  @Test
  void otherExceptionsEndTheWaitUnlessIgnored() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                QUICK.untilAsserted(
                    "fails fast",
                    () -> {
                      calls.incrementAndGet();
                      throw boom;
                    }));
    assertSame(boom, thrown);
    assertEquals(1, calls.get());

    AtomicInteger retried = new AtomicInteger();
    QUICK
        .ignoring(UncheckedIOException.class)
        .untilAsserted(
            "retried through refusals",
            () -> {
              if (retried.incrementAndGet() < 3) {
                throw new UncheckedIOException(new IOException("refused"));
              }
            });
    assertEquals(3, retried.get());
  }

  @Test
  void checkedExceptionsAreWrapped() {
    IOException io = new IOException("disk");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                QUICK.untilAsserted(
                    "reads",
                    () -> {
                      throw io;
                    }));
    assertSame(io, e.getCause());
    assertTrue(e.getMessage().contains("reads"), e.getMessage());
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          AssertionError.class,
          () -> Eventually.within(Duration.ofSeconds(30)).until("never", () -> false));
      assertTrue(Thread.interrupted(), "interrupt flag set again");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void refusesNonPositiveDurations() {
    assertThrows(IllegalArgumentException.class, () -> Eventually.within(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> QUICK.every(Duration.ofMillis(-1)));
  }
}
