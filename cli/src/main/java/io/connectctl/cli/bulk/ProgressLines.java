package io.connectctl.cli.bulk;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The progress lines of one wait: a line when what is seen changes, and otherwise the same line
 * again at most every {@link #HEARTBEAT} (so a long wait shows it is alive without repeating itself
 * every poll).
 */
final class ProgressLines {
  /** How long the same state may go unreported. */
  static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final PrintStream err;
  private final String prefix;
  private final LongSupplier nanoTime;
  private String last;
  private long lastPrinted;

  ProgressLines(PrintStream err, String prefix, LongSupplier nanoTime) {
    this.err = err;
    this.prefix = prefix;
    this.nanoTime = nanoTime;
  }

  /** Prints {@code what} if it differs from the last line or the heartbeat is due. */
  void show(String what) {
    long now = nanoTime.getAsLong();
    if (what.equals(last) && now - lastPrinted < HEARTBEAT.toNanos()) {
      return;
    }
    err.println(prefix + what);
    last = what;
    lastPrinted = now;
  }
}
