package io.connectctl.cli.bulk;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.NameSelection;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

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
}
