package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one mutation on many connectors (a few at a time), optionally awaits each, and reports every name: a
 * line on stdout per success, a line on stderr per failure, or one JSON/YAML array of results
 * {@code [{name, context, vendor, action, ok, operationId, state, error:{exitCode, kind, message}}]}.
 */
final class Changes {
  /** How many connectors are changed at once. */
  static final int CONCURRENCY = 4;

  private Changes() {}

  /**
   * One connector's outcome.
   *
   * @param change the pending change, empty if it failed before starting
   * @param result the awaited result, empty when not waited
   */
  record Done(PendingChange change, Optional<ChangeResult> result) {}

  /**
   * @param command the command (for output)
   * @param action the verb in messages, e.g. {@code pause}
   * @param pastTense e.g. {@code paused}
   * @param names the connectors
   * @param wait whether to await each change
   * @param mutation starts the change for one name
   * @return the exit code: 0 if all succeeded
   */
  static int run(BaseCommand command, String action, String pastTense, List<String> names, WaitOptions wait,
      Function<String, PendingChange> mutation) {
    Target target = command.target();
    Duration timeout = wait.timeout();
    PrintStream err = command.err();
    BulkResult<Done> results = Bulk.apply(names, CONCURRENCY, name -> {
      PendingChange change = mutation.apply(name);
      if (!wait.wait) {
        return new Done(change, Optional.empty());
      }
      err.println("waiting up to " + io.connectctl.cli.Durations.format(timeout) + " for connector '" + name
          + "' to be " + change.target() + " …");
      ChangeResult result = change.await(timeout, seen -> err.println("  " + name + ": " + seen));
      return new Done(change, Optional.of(result));
    });
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (BulkResult.Item<Done> item : results.items()) {
      Map<String, Object> view = Views.header(target, item.connector());
      view.put("action", action);
      if (item.error().isPresent()) {
        Failures.Outcome failure = Failures.of(action, item.connector(), target, item.error().get());
        codes.add(command.fail(failure));
        view.put("ok", false);
        view.put("error", error(failure));
      } else {
        Done done = item.value().orElseThrow();
        codes.add(ExitCode.OK);
        view.put("ok", true);
        view.put("operationId", done.change().operationId());
        Optional<ConnectorStatus> status = done.result().flatMap(ChangeResult::status);
        status.ifPresent(s -> view.put("state", s.state().name()));
        lines.add("connector/" + item.connector() + " " + pastTense
            + (done.result().isPresent() ? status.map(s -> " (now " + s.state() + ")").orElse(" (done)") : "")
            + (done.change().operationId().isEmpty() ? "" : " [operation " + done.change().operationId() + "]"));
      }
      views.add(view);
    }
    command.printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }

  /** The {@code error} object of a failed entry. */
  static Map<String, Object> error(Failures.Outcome failure) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("exitCode", failure.exitCode());
    error.put("kind", failure.kind());
    error.put("message", failure.line());
    return error;
  }
}
