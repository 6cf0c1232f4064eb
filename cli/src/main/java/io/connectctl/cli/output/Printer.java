package io.connectctl.cli.output;

import io.connectctl.cli.CliException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a command's result to stdout in the chosen format: the structured value (maps, lists,
 * strings, numbers, booleans) as JSON or YAML, the {@code name} of each entry one a line, or the
 * command's own table rendering (with or without its header row).
 */
public final class Printer {
  private final PrintStream out;
  private final OutputFormat format;
  private final boolean headers;

  /**
   * @param out stdout
   * @param format the {@code -o} format
   */
  public Printer(PrintStream out, OutputFormat format) {
    this(out, format, true);
  }

  /**
   * @param out stdout
   * @param format the {@code -o} format
   * @param headers whether tables print their header row ({@code false} for {@code --no-headers})
   */
  public Printer(PrintStream out, OutputFormat format, boolean headers) {
    this.out = out;
    this.format = format;
    this.headers = headers;
  }

  /** The {@code -o} format. */
  public OutputFormat format() {
    return format;
  }

  /** Whether output is structured (JSON or YAML) rather than a table. */
  public boolean structured() {
    return format != OutputFormat.TABLE;
  }

  /**
   * Prints {@code value} as JSON/YAML, the names it holds for {@code -o name} (see {@link #names}),
   * or runs {@code table} for the table format.
   */
  public void emit(Object value, Consumer<PrintStream> table) {
    switch (format) {
      case JSON -> {
        JsonText.write(value, out); // a piece at a time: a long listing is never one string
        out.println();
      }
      case YAML -> out.print(yaml(value));
      case NAME -> names(value).forEach(out::println);
      case TABLE -> table.accept(headers ? out : new HeaderlessStream(out));
    }
    out.flush();
  }

  /**
   * The {@code name} of {@code value} (a map) or of each of its entries (a list of maps), in order:
   * what {@code -o name} prints. A value without names is a usage error (exit 2).
   */
  static List<String> names(Object value) {
    Collection<?> entries = value instanceof Collection<?> c ? c : List.of(value);
    List<String> names = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
        throw noNames();
      }
      names.add(name);
    }
    return names;
  }

  /** The usage error of {@code -o name} on a command whose output names nothing. */
  public static CliException noNames() {
    return CliException.usage(
        "-o name lists connectors, secrets, contexts and clusters; this command's output has no names: "
            + "use -o table, json or yaml");
  }

  /**
   * The stream a table prints to under {@code --no-headers}: {@link Table#print} leaves out its
   * header row when printing to one.
   */
  static final class HeaderlessStream extends PrintStream {
    HeaderlessStream(PrintStream out) {
      super(out, true);
    }
  }

  /**
   * {@code value} as indented JSON ({@link JsonText}); a {@code null} value of a map is written as
   * {@code null}.
   */
  public static String json(Object value) {
    StringBuilder text = new StringBuilder();
    JsonText.write(value, text);
    return text.toString();
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
