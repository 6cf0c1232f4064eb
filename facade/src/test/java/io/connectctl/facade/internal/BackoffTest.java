package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.facade.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          10, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1), 0.2);

  @Test
  void doublesUpToTheCapWithoutJitterInTheMiddle() {
    Backoff backoff = new Backoff(POLICY, () -> 0.5);
    assertEquals(Duration.ofMillis(500), backoff.before(1));
    assertEquals(Duration.ofMillis(1000), backoff.before(2));
    assertEquals(Duration.ofMillis(2000), backoff.before(3));
    assertEquals(Duration.ofMillis(4000), backoff.before(4));
    assertEquals(Duration.ofMillis(5000), backoff.before(5));
    assertEquals(Duration.ofMillis(5000), backoff.before(500));
  }

  @Test
  void jitterTakesOffOrAddsItsFraction() {
    assertEquals(Duration.ofMillis(800), new Backoff(POLICY, () -> 0.0).before(2));
    assertEquals(Duration.ofMillis(1190), new Backoff(POLICY, () -> 0.975).before(2));
  }

  @Test
  void jitterNeverGoesAboveTheCap() {
    assertEquals(Duration.ofMillis(5000), new Backoff(POLICY, () -> 0.999).before(6));
  }
}
