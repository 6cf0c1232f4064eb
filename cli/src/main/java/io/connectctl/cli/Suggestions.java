package io.connectctl.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The error line for a word the command line does not know: an unknown command ({@code connectctl
 * pasue}, {@code get conectors}) or option ({@code --wiat}), with the nearest known one when it is
 * close enough to be a typo ({@code did you mean 'pause'?}).
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The message for the first argument of {@code unmatched} that {@code line} did not know; empty
   * when it is neither an option nor a command word (a surplus argument keeps picocli's message).
   */
  public static Optional<String> message(CommandLine line, List<String> unmatched) {
    if (unmatched.isEmpty()) {
      return Optional.empty();
    }
    CommandSpec spec = line.getCommandSpec();
    String word = unmatched.get(0);
    if (word.startsWith("-") && word.length() > 1) {
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      List<String> names = new ArrayList<>();
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          names.addAll(List.of(option.names()));
        }
      }
      return Optional.of(
          "unknown option '"
              + name
              + "' for '"
              + spec.qualifiedName()
              + "'"
              + nearest(name, names).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }
    if (line.getSubcommands().isEmpty()) {
      return Optional.empty();
    }
    String where = spec.parent() == null ? "" : " for '" + spec.qualifiedName() + "'";
    return Optional.of(
        "unknown command '"
            + word
            + "'"
            + where
            + nearest(word, line.getSubcommands().keySet())
                .map(n -> "; did you mean '" + n + "'?")
                .orElse(""));
  }

  /**
   * The candidate nearest to {@code typed} by edit distance (a swap of two neighbours counts as one
   * edit), when at most about a third of it differs; ties go to the first candidate.
   */
  static Optional<String> nearest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(t, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, t.replaceFirst("^-+", "").length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
