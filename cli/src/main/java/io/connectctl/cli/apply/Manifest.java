package io.connectctl.cli.apply;

import io.connectctl.facade.Redaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One connector as a file describes it.
 *
 * @param name the connector name
 * @param config the desired config (flat string map): the keys this file manages
 * @param drop config keys to remove from the connector on purpose (the file's {@code drop} list)
 * @param source the file it came from
 */
public record Manifest(String name, Map<String, String> config, List<String> drop, Path source) {
  /** Validates and copies. */
  public Manifest {
    Objects.requireNonNull(name, "name");
    config = Map.copyOf(config);
    drop = List.copyOf(drop);
    Objects.requireNonNull(source, "source");
  }

  /** A connector without a {@code drop} list. */
  public Manifest(String name, Map<String, String> config, Path source) {
    this(name, config, List.of(), source);
  }

  @Override
  public String toString() {
    return "Manifest[name=" + name + ", config=" + Redaction.redactConfig(config) + ", drop=" + drop
        + ", source=" + source + "]";
  }
}
