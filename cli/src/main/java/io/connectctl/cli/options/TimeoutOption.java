package io.connectctl.cli.options;

import io.connectctl.cli.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --timeout DURATION}: how long a wait lasts, for {@code wait} and every command's {@code
 * --wait}.
 */
public final class TimeoutOption {
  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "How long to wait (e.g. 30s, 5m, 1h; default ${DEFAULT-VALUE}).")
  String timeout;

  /** The parsed timeout (exit 2 naming {@code --timeout} when malformed). */
  public Duration value() {
    return Durations.parse(timeout, "--timeout");
  }
}
