package io.connectctl.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written the way kubectl takes them: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h30m}.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /**
   * @param text the duration, e.g. {@code 30s}
   * @param option the flag it came from, for the error message
   * @throws CliException (exit 2) naming the flag when {@code text} is not a duration
   */
  public static Duration parse(String text, String option) {
    return read(text)
        .orElseThrow(
            () -> CliException.usage("Invalid value for " + option + ": " + notADuration(text)));
  }

  /** {@code text} as a duration, or empty when it is not one. */
  public static Optional<Duration> read(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    return Optional.of(total);
  }

  /** Why {@code text} is refused, without naming where it came from. */
  public static String notADuration(String text) {
    return "'" + text + "' is not a duration (use e.g. 30s, 5m, 1h or 1m30s)";
  }

  /** {@code d} written back the same way, e.g. {@code 5m} or {@code 1m30s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    long ms = d.toMillisPart();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0) {
      out.append(s).append('s');
    }
    if (ms > 0) {
      out.append(ms).append("ms");
    }
    return out.toString();
  }
}
