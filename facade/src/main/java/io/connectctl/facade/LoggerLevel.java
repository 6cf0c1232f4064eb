package io.connectctl.facade;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The level of one logger on the worker that answered ({@link ConnectorClient#loggers}).
 *
 * @param logger the logger name ({@code root}, {@code
 *     org.apache.kafka.connect.runtime.WorkerSinkTask} …)
 * @param level the level, e.g. {@code INFO}
 * @param lastModified when the level was last changed through the API, empty if never
 */
public record LoggerLevel(String logger, String level, Optional<Instant> lastModified) {
  /** Validates. */
  public LoggerLevel {
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(level, "level");
    lastModified = Objects.requireNonNullElse(lastModified, Optional.empty());
  }
}
