package io.connectctl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The results file every section appends to (one tab-separated row per measurement), and its rows
 * read back for the final table. The file is {@code bench.rows} (system property), default {@code
 * bench/target/rows.tsv}.
 */
public final class Rows {
  private Rows() {}

  /**
   * One line of the final table.
   *
   * @param section the item, e.g. {@code 1 per-call}
   * @param subject what was measured, e.g. {@code facade (RedpandaConnectorClient.status)}
   * @param result the measured value(s)
   * @param target the target, or {@code –} when the issue sets none
   * @param verdict {@code met}, {@code MISSED}, {@code info} or {@code FAILED}, with a short note
   */
  public record Row(String section, String subject, String result, String target, String verdict) {
    String toTsv() {
      return String.join(
          "\t", clean(section), clean(subject), clean(result), clean(target), clean(verdict));
    }

    private static String clean(String s) {
      return s.replace('\t', ' ').replace('\n', ' ').replace("|", "\\|");
    }
  }

  /** The results file. */
  public static Path file() {
    return Path.of(System.getProperty("bench.rows", "bench/target/rows.tsv"));
  }

  /** Appends one row (and echoes it to stderr so a long run shows progress). */
  public static synchronized void add(
      String section, String subject, String result, String target, String verdict) {
    Row row = new Row(section, subject, result, target, verdict);
    System.err.println(
        "[bench] " + section + " | " + subject + " | " + result + " | " + target + " | " + verdict);
    try {
      Path file = file();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          row.toTsv() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row written so far, in order. */
  public static List<Row> read() throws IOException {
    List<Row> rows = new ArrayList<>();
    if (!Files.exists(file())) {
      return rows;
    }
    for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length == 5) {
        rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
      }
    }
    return rows;
  }

  /** {@code met} or {@code MISSED} for a measured value against an upper bound. */
  public static String verdict(double measured, double limit) {
    return measured <= limit ? "met" : "MISSED";
  }

  /** A number with {@code digits} decimals. */
  public static String fmt(double value, int digits) {
    return String.format(java.util.Locale.ROOT, "%." + digits + "f", value);
  }
}
