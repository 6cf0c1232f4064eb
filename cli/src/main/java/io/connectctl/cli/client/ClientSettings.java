package io.connectctl.cli.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.Interceptor;

/**
 * What the CLI asks of the HTTP clients it makes.
 *
 * @param logRequests whether to log each request ({@code --verbose})
 * @param log where request lines go (stderr)
 * @param environment the run's environment variables ({@code HTTPS_PROXY}, {@code HTTP_PROXY},
 *     {@code NO_PROXY})
 * @param observers further interceptors every request of the client passes through, e.g. {@code
 *     reconcile}'s request metrics; empty for a plain run
 */
public record ClientSettings(
    boolean logRequests,
    Consumer<String> log,
    Map<String, String> environment,
    List<Interceptor> observers) {
  /** Validates and copies. */
  public ClientSettings {
    Objects.requireNonNull(log, "log");
    environment = Map.copyOf(environment);
    observers = List.copyOf(observers);
  }

  /** Settings without observers. */
  public ClientSettings(
      boolean logRequests, Consumer<String> log, Map<String, String> environment) {
    this(logRequests, log, environment, List.of());
  }
}
