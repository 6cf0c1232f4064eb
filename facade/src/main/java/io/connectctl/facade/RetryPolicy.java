package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed request is retried: 429 (honouring {@code Retry-After} / {@code
 * X-RateLimit-Reset}), 503, 504, connection failures before the request was sent, and Redpanda's
 * 409 "rebalance in progress". Non-idempotent requests are retried only when the server cannot have
 * acted on them (or they carry an {@code Idempotency-Key}). Backoff is exponential with jitter,
 * bounded by {@code maxBackoff}; no retry starts once {@code totalBudget} would be exceeded.
 *
 * @param maxAttempts attempts in all, including the first (1 disables retries)
 * @param initialBackoff the first backoff
 * @param maxBackoff the cap on one backoff (a server-requested delay above it ends retrying)
 * @param totalBudget the time budget for all attempts of one call
 * @param jitter the random fraction (0..1) taken off or added to each backoff
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration totalBudget,
    double jitter) {

  /** Validates. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(totalBudget, "totalBudget");
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
    }
  }

  /** 5 attempts, 500 ms doubling to 30 s, 2 minutes in all, 20 % jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2), 0.2);
  }

  /** No retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
  }
}
