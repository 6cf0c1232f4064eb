package io.connectctl.cli.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exponential backoff per key (a connector in a context), for the restarts of {@code --heal} and
 * for the writes {@code reconcile} caps. The first attempt is free; each one after it waits {@code
 * first}, then twice that, up to {@code cap}. After {@code max} attempts the key is given up until
 * it is seen well again. A key seen well for {@code resetAfter} starts afresh.
 */
final class Backoff {
  /** What {@link #attempt} allows. */
  enum Decision {
    /** Go ahead (the attempt is counted). */
    ALLOWED,
    /** Too soon after the last attempt. */
    WAITING,
    /** The maximum was just reached: say so once. */
    GIVE_UP,
    /** Given up earlier; nothing is done until the key is well again. */
    GAVE_UP
  }

  private static final class Entry {
    int attempts;
    Instant next = Instant.MIN;
    Instant wellSince;
    boolean gaveUp;
  }

  private final Duration first;
  private final Duration cap;
  private final int max;
  private final Duration resetAfter;
  private final Map<String, Entry> entries = new HashMap<>();

  /**
   * @param first the wait after the first attempt
   * @param cap the longest wait
   * @param max attempts before giving up ({@link Integer#MAX_VALUE}: never)
   * @param resetAfter how long a key must be well before its count starts again
   */
  Backoff(Duration first, Duration cap, int max, Duration resetAfter) {
    this.first = first;
    this.cap = cap;
    this.max = max;
    this.resetAfter = resetAfter;
  }

  /** Asks whether {@code key} may be acted on now, and counts the attempt when it may. */
  synchronized Decision attempt(String key, Instant now) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry());
    entry.wellSince = null;
    if (entry.gaveUp) {
      return Decision.GAVE_UP;
    }
    if (entry.attempts >= max) {
      entry.gaveUp = true;
      return Decision.GIVE_UP;
    }
    if (now.isBefore(entry.next)) {
      return Decision.WAITING;
    }
    entry.attempts++;
    entry.next = now.plus(delay(entry.attempts));
    return Decision.ALLOWED;
  }

  /**
   * Records that {@code key} is well at {@code now}: a given-up key is no longer given up (returns
   * true then, once), and after {@code resetAfter} of being well its count starts again.
   */
  synchronized boolean well(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return false;
    }
    boolean wasGivenUp = entry.gaveUp;
    entry.gaveUp = false;
    if (entry.wellSince == null) {
      entry.wellSince = now;
    }
    if (!now.isBefore(entry.wellSince.plus(resetAfter))) {
      entries.remove(key);
    }
    return wasGivenUp;
  }

  /** The attempts counted for {@code key} since it was last reset. */
  synchronized int attempts(String key) {
    Entry entry = entries.get(key);
    return entry == null ? 0 : entry.attempts;
  }

  /** Whether {@code key} is given up. */
  synchronized boolean givenUp(String key) {
    Entry entry = entries.get(key);
    return entry != null && entry.gaveUp;
  }

  /** When {@code key} may be acted on next. */
  synchronized Instant next(String key) {
    Entry entry = entries.get(key);
    return entry == null ? Instant.MIN : entry.next;
  }

  /**
   * Forgets the keys of {@code prefix} not in {@code seen} (connectors gone), keeping memory flat.
   */
  synchronized void retain(String prefix, Set<String> seen) {
    entries.keySet().removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
  }

  /** How many keys are tracked. */
  synchronized int size() {
    return entries.size();
  }

  /** The wait after attempt {@code n}: first·2^(n-1), at most cap. */
  Duration delay(int n) {
    Duration d = first;
    for (int i = 1; i < n && d.compareTo(cap) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(cap) > 0 ? cap : d;
  }
}
