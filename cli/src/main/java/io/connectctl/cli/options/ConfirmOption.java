package io.connectctl.cli.options;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --yes}, and the confirmation a selector-driven change that cannot be undone asks for: on a
 * terminal the count and the names are shown and {@code y} is needed; without a terminal the change
 * is refused (exit 2) unless {@code --yes} was given.
 */
public final class ConfirmOption {
  @Option(
      names = {"-y", "--yes"},
      description =
          "Do not ask for confirmation (needed with --selector when there is no terminal).")
  boolean yes;

  /** Whether {@code --yes} was given. */
  public boolean given() {
    return yes;
  }

  /**
   * Asks before {@code verb} is done to {@code names}, unless {@code --yes} was given or there is
   * nothing to do.
   *
   * @param verb the change, e.g. {@code delete}
   * @param context the context name, for the question
   * @throws CliException exit 2 without a terminal and without {@code --yes}; exit 1 when the
   *     answer is not yes (nothing was changed)
   */
  public void confirm(CliEnvironment environment, String verb, String context, List<String> names) {
    ask(
        environment,
        verb,
        names.size()
            + " connector"
            + (names.size() == 1 ? "" : "s")
            + " in context '"
            + context
            + "'",
        names);
  }

  /**
   * As {@link #confirm(CliEnvironment, String, String, List)} for a change spanning contexts: one
   * question listing every {@code context/name} pair, in the order given.
   *
   * @param byContext the connectors by context name
   */
  public void confirm(
      CliEnvironment environment, String verb, Map<String, List<String>> byContext) {
    List<String> pairs = new ArrayList<>();
    byContext.forEach((context, names) -> names.forEach(name -> pairs.add(context + "/" + name)));
    long contexts = byContext.values().stream().filter(names -> !names.isEmpty()).count();
    ask(
        environment,
        verb,
        pairs.size()
            + " connector"
            + (pairs.size() == 1 ? "" : "s")
            + " in "
            + contexts
            + " context"
            + (contexts == 1 ? "" : "s"),
        pairs);
  }

  private void ask(CliEnvironment environment, String verb, String what, List<String> names) {
    if (yes || names.isEmpty()) {
      return;
    }
    if (!environment.interactive()) {
      throw CliException.usage(
          "--selector would "
              + verb
              + " "
              + what
              + " ("
              + String.join(", ", names)
              + "); without a terminal to confirm on, give --yes (or see the list with --dry-run)");
    }
    environment.err().println(capitalized(verb) + " " + what + ":");
    names.forEach(name -> environment.err().println("  " + name));
    environment.err().print(capitalized(verb) + " these " + names.size() + "? [y/N] ");
    environment.err().flush();
    String answer;
    try {
      answer =
          new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8))
              .readLine();
    } catch (IOException e) {
      answer = null;
    }
    String given = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
    if (!given.equals("y") && !given.equals("yes")) {
      throw new CliException(ExitCode.API_FAILED, "Not confirmed: nothing was changed");
    }
  }

  private static String capitalized(String verb) {
    return verb.isEmpty() ? verb : Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
  }
}
