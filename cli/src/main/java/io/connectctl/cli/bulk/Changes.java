package io.connectctl.cli.bulk;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one mutation on many connectors (through {@link Waits}), and reports every name: a line on
 * stdout per success, a line on stderr per failure, or one JSON/YAML array of results {@code
 * [{name, context, vendor, action, ok, operationId, state, error:{exitCode, kind, message}}]}.
 */
public final class Changes {
  /** How many connectors are changed at once. */
  public static final int CONCURRENCY = Waits.CONCURRENCY;

  private Changes() {}

  /**
   * @param command the command (for output)
   * @param action the verb in messages and the {@code action} of JSON results, e.g. {@code pause}
   * @param pastTense e.g. {@code paused}
   * @param names the connectors
   * @param wait whether and how long to await each change
   * @param mutation starts the change for one name
   * @return the exit code: 0 if all succeeded
   */
  public static int run(
      CommandRun command,
      String action,
      String pastTense,
      List<String> names,
      WaitOptions wait,
      Function<String, PendingChange> mutation) {
    return run(command, action, action, pastTense, names, wait.waitFor(), mutation);
  }

  /**
   * As above, with a separate {@code action} for JSON ({@code jsonAction}) and no waiting when
   * {@code timeout} is empty.
   */
  public static int run(
      CommandRun command,
      String action,
      String jsonAction,
      String pastTense,
      List<String> names,
      Optional<java.time.Duration> timeout,
      Function<String, PendingChange> mutation) {
    Target target = command.target();
    if (command.dryRun()) {
      return dryRun(command, jsonAction, pastTense, names);
    }
    Progress progress = command.progress();
    track(progress, target, jsonAction, pastTense, names);
    progress.output(command.printer(), command.err());
    Report report =
        change(command, action, jsonAction, pastTense, target, names, timeout, mutation);
    int[] code = {ExitCode.OK};
    progress.finish(() -> code[0] = print(command, List.of(report)));
    return code[0];
  }

  /**
   * What a change over the connectors of one context produced, kept to be printed with the other
   * contexts' in their order ({@link #print}).
   *
   * @param views the JSON/YAML entries
   * @param lines the table-mode lines for stdout
   * @param failures the failures, in the connectors' order
   */
  public record Report(
      List<Map<String, Object>> views, List<String> lines, List<Failures.Outcome> failures) {
    /** Copies. */
    public Report {
      views = List.copyOf(views);
      lines = List.copyOf(lines);
      failures = List.copyOf(failures);
    }
  }

  /** Registers {@code names} of {@code target} with the run's interrupt report, as not started. */
  public static void track(
      Progress progress, Target target, String jsonAction, String pastTense, List<String> names) {
    names.forEach(name -> progress.track(target, name, jsonAction, pastTense));
  }

  /**
   * Makes the change to {@code names} of {@code target} (through {@link Waits}) and reports it
   * without printing anything; safe to run for several contexts at once.
   */
  public static Report change(
      CommandRun command,
      String action,
      String jsonAction,
      String pastTense,
      Target target,
      List<String> names,
      Optional<java.time.Duration> timeout,
      Function<String, PendingChange> mutation) {
    BulkResult<Waits.Done> results = Waits.run(command, target, names, timeout, mutation);
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Failures.Outcome> failures = new ArrayList<>();
    for (BulkResult.Item<Waits.Done> item : results.items()) {
      Map<String, Object> view = Views.header(target, item.connector());
      view.put("action", jsonAction);
      Optional<Throwable> error =
          item.error()
              .<Throwable>map(e -> e)
              .or(() -> item.value().flatMap(Waits.Done::waitFailure).map(e -> e));
      if (error.isPresent()) {
        Failures.Outcome failure = Failures.of(action, item.connector(), target, error.get());
        failures.add(failure);
        view.put("ok", false);
        view.put("error", error(failure));
      } else {
        Waits.Done done = item.value().orElseThrow();
        view.put("ok", true);
        view.put("operationId", done.change().operationId());
        if (!done.change().note().isEmpty()) {
          view.put("note", done.change().note());
        }
        Optional<ConnectorStatus> status = done.result().flatMap(ChangeResult::status);
        status.ifPresent(s -> view.put("state", s.state().name()));
        lines.add(
            "connector/"
                + item.connector()
                + " "
                + pastTense
                + (done.result().isPresent()
                    ? status.map(s -> " (now " + s.state() + ")").orElse(" (done)")
                    : "")
                + (done.change().note().isEmpty() ? "" : " (" + done.change().note() + ")")
                + (done.change().operationId().isEmpty()
                    ? ""
                    : " [operation " + done.change().operationId() + "]"));
      }
      views.add(view);
    }
    return new Report(views, lines, failures);
  }

  /**
   * Prints the reports in order: each failure's line on stderr, then every entry on stdout as one
   * list; returns the combined exit code.
   */
  public static int print(CommandRun command, List<Report> reports) {
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Report report : reports) {
      report.failures().forEach(failure -> codes.add(command.fail(failure)));
      views.addAll(report.views());
      lines.addAll(report.lines());
    }
    command.printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }

  /**
   * {@code --dry-run}: one line per connector that would be changed ({@code connector/NAME would be
   * deleted (dry run)}), or JSON/YAML entries {@code {name, context, vendor, action, dryRun:
   * true}}; nothing is sent.
   */
  public static int dryRun(
      CommandRun command, String jsonAction, String pastTense, List<String> names) {
    return printDryRun(
        command, List.of(dryRunReport(command.target(), jsonAction, pastTense, names, false)));
  }

  /**
   * The dry-run entries for {@code names} of {@code target}; {@code withContext} names the context
   * on each table line ({@code connector/NAME in context 'C' would be paused (dry run)}).
   */
  public static Report dryRunReport(
      Target target, String jsonAction, String pastTense, List<String> names, boolean withContext) {
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> view = Views.header(target, name);
      view.put("action", jsonAction);
      view.put("dryRun", true);
      views.add(view);
      lines.add(
          "connector/"
              + name
              + (withContext ? " in context '" + target.context() + "'" : "")
              + " would be "
              + pastTense
              + " (dry run)");
    }
    return new Report(views, lines, List.of());
  }

  /** Prints dry-run reports in order (a note on stderr when none has an entry); exit 0. */
  public static int printDryRun(CommandRun command, List<Report> reports) {
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    reports.forEach(
        report -> {
          views.addAll(report.views());
          lines.addAll(report.lines());
        });
    command
        .printer()
        .emit(
            views,
            out -> {
              if (lines.isEmpty()) {
                command.err().println("No connector matched: nothing would change (dry run)");
              }
              lines.forEach(out::println);
            });
    return ExitCode.OK;
  }

  /** The {@code error} object of a failed entry. */
  public static Map<String, Object> error(Failures.Outcome failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("exitCode", failure.exitCode());
    error.put("kind", failure.kind());
    error.put("message", failure.line());
    return error;
  }
}
