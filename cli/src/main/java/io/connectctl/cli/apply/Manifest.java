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
 * @param source the file it came from ({@code -} for standard input)
 * @param context the context the file names for it ({@code context} key), empty when it names none
 * @param vendor the vendor the file names for it ({@code vendor} key), empty when it names none
 * @param secrets the secrets the file declares for it ({@code secrets} key) as written: secret name
 *     to its {@code {data, labels}} node, read by {@link DeclaredSecrets}; empty when it declares
 *     none
 */
public record Manifest(
    String name,
    Map<String, String> config,
    List<String> drop,
    Path source,
    String context,
    String vendor,
    Map<String, Object> secrets) {
  /** Validates and copies. */
  public Manifest {
    Objects.requireNonNull(name, "name");
    config = Map.copyOf(config);
    drop = List.copyOf(drop);
    Objects.requireNonNull(source, "source");
    context = Objects.requireNonNullElse(context, "");
    vendor = Objects.requireNonNullElse(vendor, "");
    secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
  }

  /** A connector declaring no secrets. */
  public Manifest(
      String name,
      Map<String, String> config,
      List<String> drop,
      Path source,
      String context,
      String vendor) {
    this(name, config, drop, source, context, vendor, Map.of());
  }

  /** A connector naming no context or vendor. */
  public Manifest(String name, Map<String, String> config, List<String> drop, Path source) {
    this(name, config, drop, source, "", "");
  }

  /** A connector without a {@code drop} list. */
  public Manifest(String name, Map<String, String> config, Path source) {
    this(name, config, List.of(), source);
  }

  @Override
  public String toString() {
    return "Manifest[name="
        + name
        + ", config="
        + Redaction.redactConfig(config)
        + ", drop="
        + drop
        + ", source="
        + source
        + ", context="
        + context
        + ", vendor="
        + vendor
        + ", secrets="
        + secrets.keySet()
        + "]";
  }
}
