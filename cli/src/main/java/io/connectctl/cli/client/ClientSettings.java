package io.connectctl.cli.client;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the CLI asks of the HTTP clients it makes.
 *
 * @param logRequests whether to log each request ({@code --verbose})
 * @param log where request lines go (stderr)
 */
public record ClientSettings(boolean logRequests, Consumer<String> log) {
  /** Validates. */
  public ClientSettings {
    Objects.requireNonNull(log, "log");
  }

}
