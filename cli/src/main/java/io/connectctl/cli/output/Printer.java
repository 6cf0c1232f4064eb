package io.connectctl.cli.output;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a command's result to stdout in the chosen format: the structured value (maps, lists,
 * strings, numbers, booleans) as JSON or YAML, or the command's own table rendering.
 */
public final class Printer {
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

  private final PrintStream out;
  private final OutputFormat format;

  /**
   * @param out stdout
   * @param format the {@code -o} format
   */
  public Printer(PrintStream out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** The {@code -o} format. */
  public OutputFormat format() {
    return format;
  }

  /** Whether output is structured (JSON or YAML) rather than a table. */
  public boolean structured() {
    return format != OutputFormat.TABLE;
  }

  /** Prints {@code value} as JSON/YAML, or runs {@code table} for the table format. */
  public void emit(Object value, Consumer<PrintStream> table) {
    switch (format) {
      case JSON -> out.println(json(value));
      case YAML -> out.print(yaml(value));
      case TABLE -> table.accept(out);
    }
    out.flush();
  }

  /** {@code value} as indented JSON; a {@code null} value of a map is written as {@code null}. */
  public static String json(Object value) {
    return JSON.toJson(value);
  }

  /** {@code value} as block-style YAML. */
  public static String yaml(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    return new Yaml(options).dump(value);
  }
}
