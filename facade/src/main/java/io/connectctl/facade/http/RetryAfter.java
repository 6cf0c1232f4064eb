package io.connectctl.facade.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import okhttp3.Headers;

/** The delay a server asked for: {@code Retry-After} (seconds or HTTP date), else {@code X-RateLimit-Reset} (relative seconds). */
public final class RetryAfter {
  private RetryAfter() {}

  /** The requested delay, if the response carries one. */
  public static Optional<Duration> parse(Headers headers) {
    Optional<Duration> retryAfter = seconds(headers.get("Retry-After"));
    if (retryAfter.isEmpty()) {
      String value = headers.get("Retry-After");
      if (value != null) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
          retryAfter = Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException ignored) {
          // not a date either
        }
      }
    }
    return retryAfter.isPresent() ? retryAfter : seconds(headers.get("X-RateLimit-Reset"));
  }

  private static Optional<Duration> seconds(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      double seconds = Double.parseDouble(value.trim());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
