package io.connectctl.facade.errors;

import java.time.Duration;
import java.util.Objects;

/** Too many requests (HTTP 429), after the retry policy gave up. */
public class RateLimitedException extends ConnectCloudException {
  private final Duration retryAfter;

  /**
   * @param message the whole message
   * @param context the vendor, HTTP status (429) and what the vendor said
   * @param retryAfter the delay the server asked for, {@link Duration#ZERO} if it did not say
   */
  public RateLimitedException(String message, ErrorContext context, Duration retryAfter) {
    super(message, ErrorKind.RATE_LIMITED, context, null);
    this.retryAfter = Objects.requireNonNullElse(retryAfter, Duration.ZERO);
  }

  /**
   * The delay the server asked for ({@code Retry-After} or {@code X-RateLimit-Reset}), zero if
   * none.
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
