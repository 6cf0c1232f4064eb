package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private static Optional<Duration> parse(String... namesAndValues) {
    return RetryAfter.parse(Headers.of(namesAndValues), NOW);
  }

  @Test
  void seconds() {
    assertEquals(Optional.of(Duration.ofSeconds(7)), parse("Retry-After", "7"));
    assertEquals(Optional.of(Duration.ZERO), parse("Retry-After", "0"));
  }

  @Test
  void httpDate() {
    assertEquals(
        Optional.of(Duration.ofSeconds(90)), parse("Retry-After", "Sat, 01 Mar 2025 12:01:30 GMT"));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertEquals(Optional.of(Duration.ZERO), parse("Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT"));
  }

  @Test
  void rateLimitResetIsTheFallback() {
    assertEquals(Optional.of(Duration.ofSeconds(12)), parse("X-RateLimit-Reset", "12"));
    assertEquals(
        Optional.of(Duration.ofSeconds(3)), parse("Retry-After", "3", "X-RateLimit-Reset", "12"));
    assertEquals(
        Optional.of(Duration.ofSeconds(12)),
        parse("Retry-After", "soon", "X-RateLimit-Reset", "12"));
  }

  @Test
  void nothingUsable() {
    assertEquals(Optional.empty(), parse());
    assertEquals(Optional.empty(), parse("Retry-After", "-5"));
    assertEquals(Optional.empty(), parse("Retry-After", "tomorrow"));
  }
}
