package io.connectctl.cli.bulk;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a read for each selected connector and prints the results: one object when a single name was
 * given, else an array (JSON/YAML), or the command's table. Every failing name gets its own error
 * line.
 */
public final class Reads {
  private Reads() {}

  public static <T> int run(
      CommandRun command,
      String action,
      NameSelection selection,
      List<String> names,
      Function<String, T> fetch,
      Function<T, Map<String, Object>> view,
      BiConsumer<PrintStream, List<T>> table) {
    Target target = command.target();
    List<T> found = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    for (String name : names) {
      try {
        found.add(fetch.apply(name));
        codes.add(ExitCode.OK);
      } catch (RuntimeException e) {
        codes.add(command.fail(Failures.of(action, name, target, e)));
      }
    }
    if (names.isEmpty()) {
      command
          .err()
          .println(
              "No connectors match --selector '"
                  + selection.selector()
                  + "' in context '"
                  + target.context()
                  + "'.");
    }
    if (selection.single()) {
      if (!found.isEmpty()) {
        command.printer().emit(view.apply(found.get(0)), out -> table.accept(out, found));
      }
    } else {
      command
          .printer()
          .emit(
              found.stream().map(view).toList(),
              out -> {
                if (!found.isEmpty()) {
                  table.accept(out, found);
                }
              });
    }
    return ExitCode.combine(codes);
  }

  /**
   * One connector read in one context of a run over several contexts.
   *
   * @param target the context
   * @param name the connector
   * @param value what the read returned
   * @param <T> what one read returns
   */
  public record Found<T>(Target target, String name, T value) {}

  /** One read of one context: its result, or why it failed. */
  private record Attempt<T>(String name, Optional<T> value, Optional<RuntimeException> error) {}

  /**
   * The read over several contexts ({@link ContextFleet}): each context lists its connectors once
   * and reads those named (where they exist) or matching the selector, the contexts concurrently.
   * Results are printed in the config file's order, then by name, always as a list (JSON/YAML: an
   * array whose entries name their {@code context}); a context that fails is reported on its own
   * line, a failed read on its own line, and a name found in no context is exit 4.
   *
   * @param client the client of one context for this read
   * @param fetch reads one connector with that context's client
   * @param view the JSON/YAML view of one result
   * @param table prints every result, in order
   */
  public static <T> int across(
      CommandRun command,
      ContextFleet fleet,
      String action,
      NameSelection selection,
      Function<Target, ConnectorClient> client,
      BiFunction<ConnectorClient, String, T> fetch,
      BiFunction<Target, T, Map<String, Object>> view,
      BiConsumer<PrintStream, List<Found<T>>> table) {
    List<Integer> codes = new ArrayList<>();
    List<Found<T>> found =
        readAcross(command, fleet, action, selection, false, client, fetch, codes);
    command
        .printer()
        .emit(
            found.stream().map(f -> view.apply(f.target(), f.value())).toList(),
            out -> {
              if (!found.isEmpty()) {
                table.accept(out, found);
              }
            });
    return ExitCode.combine(codes);
  }

  /**
   * The reading part of {@link #across}: every context lists its connectors once and reads those
   * named (where they exist) or matching the selector (with {@code everyWhenNone} and neither
   * given: every connector), the contexts concurrently. A failed context, a failed read and a name
   * found in no context each print their error line and add their exit code to {@code codes}.
   *
   * @return what was read, in the config file's order of contexts, then by name
   */
  public static <T> List<Found<T>> readAcross(
      CommandRun command,
      ContextFleet fleet,
      String action,
      NameSelection selection,
      boolean everyWhenNone,
      Function<Target, ConnectorClient> client,
      BiFunction<ConnectorClient, String, T> fetch,
      List<Integer> codes) {
    Pattern pattern = selection.pattern();
    boolean every = everyWhenNone && selection.names().isEmpty() && pattern == null;
    List<ContextFleet.Outcome<List<Attempt<T>>>> outcomes =
        fleet.run(
            target -> {
              ConnectorClient one = client.apply(target);
              List<String> names = new ArrayList<>();
              for (ConnectorStatus status : one.listStatuses()) {
                String name = status.name();
                if (every
                    || selection.names().contains(name)
                    || (pattern != null && pattern.matcher(name).find())) {
                  names.add(name);
                }
              }
              names.sort(Comparator.naturalOrder());
              List<Attempt<T>> attempts = new ArrayList<>();
              for (String name : names) {
                try {
                  attempts.add(
                      new Attempt<>(
                          name, Optional.ofNullable(fetch.apply(one, name)), Optional.empty()));
                } catch (RuntimeException e) {
                  attempts.add(new Attempt<>(name, Optional.empty(), Optional.of(e)));
                }
              }
              return attempts;
            });
    codes.addAll(fleet.report("list connectors", outcomes));
    List<Found<T>> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ContextFleet.Outcome<List<Attempt<T>>> outcome : outcomes) {
      if (outcome.value().isEmpty()) {
        continue;
      }
      Target target = outcome.target().orElseThrow();
      for (Attempt<T> attempt : outcome.value().get()) {
        seen.add(attempt.name());
        if (attempt.error().isPresent()) {
          codes.add(
              command.fail(Failures.of(action, attempt.name(), target, attempt.error().get())));
        } else {
          attempt.value().ifPresent(value -> found.add(new Found<>(target, attempt.name(), value)));
        }
      }
    }
    for (String name : selection.names()) {
      if (!seen.contains(name)) {
        command.err().println("error: connector '" + name + "' not found in any context");
        codes.add(ExitCode.NOT_FOUND);
      }
    }
    if (selection.names().isEmpty() && pattern != null && seen.isEmpty()) {
      command
          .err()
          .println("No connectors match --selector '" + selection.selector() + "' in any context.");
    }
    return found;
  }
}
