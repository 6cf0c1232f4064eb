package io.connectctl.testfixtures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Polls until something the test waits for has happened, or fails with what was last seen.
 *
 * <p>The one waiting helper of the test trees: a test never sleeps a fixed time and hopes. Start
 * with {@link #within(Duration)}, optionally set the poll interval ({@link #every(Duration)}) and
 * the exceptions that count as "not yet" ({@link #ignoring(Class)}), then wait:
 *
 * <pre>{@code
 * Eventually.within(Duration.ofSeconds(60))
 *     .untilAsserted("three lines copied", () -> assertEquals(3, lines(out).size()));
 * List<String> topics =
 *     Eventually.within(WAIT).until("topic recorded", () -> client.topics("s"), t -> !t.isEmpty());
 * }</pre>
 *
 * <p>An {@link AssertionError} from the check always means "not yet"; other exceptions end the wait
 * at once unless {@linkplain #ignoring(Class) ignored} (a checked one wrapped in an {@link
 * IllegalStateException}). When the time is up the {@link AssertionError} names what was awaited,
 * how long, how many tries, and carries the last failure (or says the last value seen) as its
 * cause. An interrupt ends the wait with the interrupt flag set again.
 */
public final class Eventually {
  /** The default poll interval: short next to the seconds a worker needs, long next to a call. */
  public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

  /** A check that fails by throwing, typically an assertion. */
  @FunctionalInterface
  public interface Check {
    /** Returns normally when what the test waits for has happened. */
    void run() throws Exception;
  }

  private final Duration timeout;
  private final Duration poll;
  private final List<Class<? extends Throwable>> ignored;

  private Eventually(Duration timeout, Duration poll, List<Class<? extends Throwable>> ignored) {
    this.timeout = timeout;
    this.poll = poll;
    this.ignored = ignored;
  }

  /** Waits of at most {@code timeout}, polled every {@link #DEFAULT_POLL}. */
  public static Eventually within(Duration timeout) {
    requirePositive(timeout, "timeout");
    return new Eventually(timeout, DEFAULT_POLL, List.of(AssertionError.class));
  }

  /** The same wait, polled every {@code interval}. */
  public Eventually every(Duration interval) {
    requirePositive(interval, "interval");
    return new Eventually(timeout, interval, ignored);
  }

  /**
   * The same wait, where {@code type} thrown by a check also means "not yet" (for example a worker
   * that is still starting refuses the connection).
   */
  public Eventually ignoring(Class<? extends Throwable> type) {
    List<Class<? extends Throwable>> more = new ArrayList<>(ignored);
    more.add(Objects.requireNonNull(type, "type"));
    return new Eventually(timeout, poll, List.copyOf(more));
  }

  /** Runs {@code check} until it returns normally. */
  public void untilAsserted(String what, Check check) {
    Objects.requireNonNull(check, "check");
    poll(
        what,
        () -> {
          check.run();
          return Boolean.TRUE;
        },
        done -> true,
        false);
  }

  /** Polls {@code condition} until it is true. */
  public void until(String what, BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    poll(what, condition::getAsBoolean, Boolean::booleanValue, false);
  }

  /**
   * Reads {@code value} until {@code accepted} holds for it, and returns that value.
   *
   * @return the first accepted value
   */
  public <T> T until(String what, Callable<T> value, Predicate<? super T> accepted) {
    return poll(what, value, accepted, true);
  }

  private <T> T poll(
      String what, Callable<T> value, Predicate<? super T> accepted, boolean describeValue) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(accepted, "accepted");
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int tries = 0;
    Throwable lastFailure = null;
    T lastValue = null;
    boolean sawValue = false;
    while (true) {
      tries++;
      try {
        T seen = value.call();
        if (accepted.test(seen)) {
          return seen;
        }
        lastValue = seen;
        sawValue = true;
        lastFailure = null;
      } catch (Throwable failure) {
        if (!isIgnored(failure)) {
          throw stop(what, failure);
        }
        lastFailure = failure;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, lastFailure);
      }
    }
    String message =
        "not within "
            + timeout
            + " ("
            + tries
            + " tries, every "
            + poll
            + "): "
            + what
            + (lastFailure != null
                ? "; last failure: " + lastFailure
                : sawValue && describeValue ? "; last value: " + lastValue : "");
    throw new AssertionError(message, lastFailure);
  }

  private boolean isIgnored(Throwable failure) {
    for (Class<? extends Throwable> type : ignored) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** A failure that is not "not yet": unchecked ones as they are, checked ones wrapped. */
  private static RuntimeException stop(String what, Throwable failure) {
    if (failure instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("failed while waiting for: " + what, failure);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
