package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/** Too many requests (HTTP 429), after the retry policy gave up. */
public class RateLimitedException extends ConnectCloudException {
  private final Duration retryAfter;

  /**
   * @param message the whole message
   * @param vendor the vendor
   * @param vendorCode the vendor's error code, empty if none
   * @param vendorMessage the vendor's message, empty if none
   * @param requestId the request id, empty if none
   * @param retryAfter the delay the server asked for, {@link Duration#ZERO} if it did not say
   */
  public RateLimitedException(String message, Vendor vendor, String vendorCode, String vendorMessage,
      String requestId, Duration retryAfter) {
    super(message, vendor, 429, vendorCode, vendorMessage, requestId, null);
    this.retryAfter = Objects.requireNonNullElse(retryAfter, Duration.ZERO);
  }

  /** The delay the server asked for ({@code Retry-After} or {@code X-RateLimit-Reset}), zero if none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.RATE_LIMITED;
  }
}
