package io.connectctl.cli.commands;

import io.connectctl.cli.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait [--timeout 5m]} for mutating commands. */
final class WaitOptions {
  @Option(names = "--wait", description = "Wait until the change is complete, showing progress on stderr.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "How long --wait waits (e.g. 30s, 5m, 1h; default ${DEFAULT-VALUE}).")
  String timeout;

  /** The parsed timeout (exit 2 when malformed). */
  Duration timeout() {
    return Durations.parse(timeout, "--timeout");
  }
}
