package io.connectctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Prints the one results table (markdown) with the machine it ran on, and saves it to
 * bench/target/results.md.
 */
public final class Report {
  private Report() {}

  /**
   * Prints and saves the table; the machine description comes from the first argument (a file), if
   * given.
   */
  public static void main(String[] args) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("Measured with `bench/run` on ").append(LocalDate.now()).append(".\n\n");
    if (args.length > 0 && Files.isRegularFile(Path.of(args[0]))) {
      md.append(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).trim()).append("\n\n");
    }
    md.append("| # | Case | Result | Target | Verdict |\n");
    md.append("|---|---|---|---|---|\n");
    List<Rows.Row> rows = Rows.read();
    for (Rows.Row row : rows) {
      md.append("| ")
          .append(row.section())
          .append(" | ")
          .append(row.subject())
          .append(" | ")
          .append(row.result())
          .append(" | ")
          .append(row.target())
          .append(" | ")
          .append(row.verdict())
          .append(" |\n");
    }
    if (rows.isEmpty()) {
      md.append("| – | nothing was measured | – | – | FAILED |\n");
    }
    Path out = Path.of(System.getProperty("bench.results", "bench/target/results.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    System.out.print(md);
  }
}
