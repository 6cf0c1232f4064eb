package io.connectctl.cli.output;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.connectctl.cli.CliException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okio.Buffer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a command's result to stdout in the chosen format: the structured value (maps, lists,
 * strings, numbers, booleans) as JSON or YAML, the {@code name} of each entry one a line, or the
 * command's own table rendering (with or without its header row).
 */
public final class Printer {
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls().indent("  ");

  /** How much JSON {@link #writeJson} gathers before handing it on. */
  private static final long FLUSH_BYTES = 64 * 1024;

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
        writeJson(value, out);
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

  /** {@code value} as indented JSON; a {@code null} value of a map is written as {@code null}. */
  public static String json(Object value) {
    StringBuilder text = new StringBuilder();
    writeJson(value, text);
    return text.toString();
  }

  /**
   * Writes {@code value} as {@link #json} does, to {@code out} a piece at a time (a long listing is
   * never held as one string). Maps, collections, strings, booleans and whole numbers are written
   * straight to Moshi's writer; anything else goes through Moshi's adapter, so the text is the same
   * as {@code adapter(Object.class).toJson(value)}, without looking an adapter up per value.
   */
  static void writeJson(Object value, Appendable out) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writer.setIndent("  ");
      write(writer, value, buffer, out);
      writer.flush();
      out.append(buffer.readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonWriter writer, Object value, Buffer buffer, Appendable out)
      throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String string) {
      writer.value(string);
    } else if (value instanceof Boolean bool) {
      writer.value(bool.booleanValue());
    } else if (value instanceof Integer || value instanceof Long) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name((String) entry.getKey());
        write(writer, entry.getValue(), buffer, out);
      }
      writer.endObject();
    } else if (value instanceof Collection<?> collection) {
      writer.beginArray();
      for (Object element : collection) {
        write(writer, element, buffer, out);
        if (buffer.size() >= FLUSH_BYTES) {
          // the buffer ends after a whole value here, so it holds whole characters only
          writer.flush();
          out.append(buffer.readUtf8());
        }
      }
      writer.endArray();
    } else {
      JSON.toJson(writer, value);
    }
  }

  private static boolean stringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
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
