package io.connectctl.cli.options;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout 5m]} for commands that change connectors. */
public final class WaitOptions {
  @Option(
      names = "--wait",
      description = "Wait until the change is complete, showing progress on stderr.")
  boolean wait;

  @Mixin TimeoutOption timeout;

  /** The parsed timeout (exit 2 when malformed). */
  public Duration timeout() {
    return timeout.value();
  }

  /**
   * The timeout when {@code --wait} was given, else empty (checks {@code --timeout} either way).
   */
  public Optional<Duration> waitFor() {
    Duration limit = timeout();
    return wait ? Optional.of(limit) : Optional.empty();
  }
}
