package io.connectctl.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A kubectl-style table: upper-case headers, columns padded to their widest cell, three spaces
 * apart.
 */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param headers the column headers
   */
  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; empty cells print as {@code -}. */
  public Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(
        Arrays.stream(cells)
            .map(c -> c == null || c.toString().isEmpty() ? "-" : firstLineMarked(c.toString()))
            .toList());
    return this;
  }

  /** Whether no rows were added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Prints headers and rows; only the rows when printing for {@code --no-headers} (see {@link
   * Printer#emit}).
   */
  public void print(PrintStream out) {
    boolean withHeaders = !(out instanceof Printer.HeaderlessStream);
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = withHeaders ? headers.get(i).length() : 0;
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    if (withHeaders) {
      line(out, headers, widths);
    }
    rows.forEach(row -> line(out, row, widths));
  }

  private static void line(PrintStream out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length() + 3));
      }
    }
    out.println(line);
  }

  /**
   * The first line of a cell that spans lines (any line break, {@code \r\n} included), marked as
   * cut.
   */
  private static String firstLineMarked(String text) {
    String[] parts = text.strip().split("\\R", 2);
    return parts.length < 2 ? parts[0] : parts[0].stripTrailing() + " …";
  }
}
