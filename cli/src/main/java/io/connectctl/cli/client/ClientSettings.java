package io.connectctl.cli.client;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the CLI asks of the HTTP clients it makes.
 *
 * @param logRequests whether to log each request ({@code --verbose})
 * @param log where request lines go (stderr)
 * @param environment the run's environment variables ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 *     {@code NO_PROXY})
 */
public record ClientSettings(
    boolean logRequests, Consumer<String> log, Map<String, String> environment) {
  /** Validates and copies. */
  public ClientSettings {
    Objects.requireNonNull(log, "log");
    environment = Map.copyOf(environment);
  }
}
