package io.connectctl.cli.apply;

import io.connectctl.facade.Redaction;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One connector as a file describes it.
 *
 * @param name the connector name
 * @param config the desired config (flat string map)
 * @param source the file it came from
 */
public record Manifest(String name, Map<String, String> config, Path source) {
  /** Validates and copies. */
  public Manifest {
    Objects.requireNonNull(name, "name");
    config = Map.copyOf(config);
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return "Manifest[name=" + name + ", config=" + Redaction.redactConfig(config) + ", source=" + source + "]";
  }
}
