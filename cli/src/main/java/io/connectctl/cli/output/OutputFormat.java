package io.connectctl.cli.output;

import java.util.Locale;

/** The {@code -o} formats. */
public enum OutputFormat {
  /** Aligned columns for people (the default). */
  TABLE,
  /** Stable JSON for scripts. */
  JSON,
  /** The same structure as JSON, in YAML. */
  YAML,
  /**
   * One name per line (connectors, secrets, contexts or clusters), as kubectl's {@code -o name}.
   */
  NAME;

  /**
   * The value as typed on the command line: {@code table}, {@code json}, {@code yaml}, {@code
   * name}.
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code table}, {@code json}, {@code yaml} or {@code name} (any case). */
  public static OutputFormat parse(String value) {
    for (OutputFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("expected table, json, yaml or name, got '" + value + "'");
  }
}
