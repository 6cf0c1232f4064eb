package io.connectctl.cli.output;

/** The {@code -o} formats. */
public enum OutputFormat {
  /** Aligned columns for people (the default). */
  TABLE,
  /** Stable JSON for scripts. */
  JSON,
  /** The same structure as JSON, in YAML. */
  YAML;

  /** Parses {@code table}, {@code json} or {@code yaml}. */
  public static OutputFormat parse(String value) {
    for (OutputFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("expected table, json or yaml, got '" + value + "'");
  }
}
