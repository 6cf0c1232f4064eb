package io.connectctl.gateways;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed-window rate limit per API key: up to {@code limit} requests per window, then 429s with
 * {@code Retry-After} and {@code X-RateLimit-*} headers until the window ends. A limit of 0 lets
 * everything through.
 */
final class RateLimiter {
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong throttled = new AtomicLong();
  private volatile int limit;
  private volatile Duration window;

  RateLimiter(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  private static final class Window {
    long start;
    int count;
  }

  /** Changes the limit from now on, starting every key's window afresh. */
  void change(int limit, Duration window) {
    windows.clear();
    this.window = window;
    this.limit = limit;
  }

  /** How many requests were answered 429 so far. */
  long throttled() {
    return throttled.get();
  }

  /** Counts a request of {@code key}: null to let it through, else the 429 to answer. */
  Reply admit(String key) {
    int max = limit;
    if (max <= 0) {
      return null;
    }
    long windowMs = window.toMillis();
    long nowMs = System.currentTimeMillis();
    Window w = windows.computeIfAbsent(key, k -> new Window());
    long resetMs;
    int remaining;
    synchronized (w) {
      if (nowMs - w.start >= windowMs) {
        w.start = nowMs;
        w.count = 0;
      }
      w.count++;
      resetMs = w.start + windowMs - nowMs;
      remaining = Math.max(0, max - w.count);
      if (w.count <= max) {
        return null;
      }
    }
    throttled.incrementAndGet();
    long seconds = Math.max(1, (resetMs + 999) / 1000);
    return Reply.empty(429)
        .withHeader("Retry-After", Long.toString(seconds))
        .withHeader("X-RateLimit-Limit", Integer.toString(max))
        .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
        .withHeader("X-RateLimit-Reset", Long.toString(seconds));
  }
}
