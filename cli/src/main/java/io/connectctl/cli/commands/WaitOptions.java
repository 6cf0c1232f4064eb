package io.connectctl.cli.commands;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout 5m]} for commands that change connectors. */
final class WaitOptions {
  @Option(
      names = "--wait",
      description = "Wait until the change is complete, showing progress on stderr.")
  boolean wait;

  @Mixin TimeoutOption timeout;

  /** The parsed timeout (exit 2 when malformed). */
  Duration timeout() {
    return timeout.value();
  }

  /**
   * The timeout when {@code --wait} was given, else empty (checks {@code --timeout} either way).
   */
  Optional<Duration> waitFor() {
    Duration limit = timeout();
    return wait ? Optional.of(limit) : Optional.empty();
  }
}
