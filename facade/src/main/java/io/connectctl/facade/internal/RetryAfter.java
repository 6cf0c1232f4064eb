package io.connectctl.facade.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The delay a server asked for: {@code Retry-After} (seconds, or an HTTP date), else {@code
 * X-RateLimit-Reset} (seconds from now, as Confluent sends it). A date in the past gives zero;
 * unreadable values are ignored.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The requested delay, if the response carries one. */
  static Optional<Duration> parse(Headers headers) {
    return parse(headers, Instant.now());
  }

  /** As {@link #parse(Headers)}, with an HTTP date measured from {@code now}. */
  static Optional<Duration> parse(Headers headers, Instant now) {
    String retryAfter = headers.get("Retry-After");
    Optional<Duration> delay = seconds(retryAfter);
    if (delay.isEmpty()) {
      delay = httpDate(retryAfter, now);
    }
    return delay.isPresent() ? delay : seconds(headers.get("X-RateLimit-Reset"));
  }

  private static Optional<Duration> seconds(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      double seconds = Double.parseDouble(value.trim());
      return seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)
          ? Optional.empty()
          : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> httpDate(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      Instant at =
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
