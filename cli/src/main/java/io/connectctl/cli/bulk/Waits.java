package io.connectctl.cli.bulk;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.Durations;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.errors.ConnectCloudException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one wait-and-progress loop of the CLI ({@code wait}, every {@code --wait}, {@code apply
 * --wait}): starts a change on each connector, a few at a time, and when asked awaits it, printing
 * what it sees on stderr.
 */
public final class Waits {
  /** How many connectors are changed or awaited at once. */
  public static final int CONCURRENCY = 4;

  private Waits() {}

  /**
   * One connector's outcome once its change was started.
   *
   * @param change the change started
   * @param result the awaited result; empty when not awaited or when the wait failed
   * @param waitFailure why the wait failed (the change itself was made), if it did
   */
  public record Done(
      PendingChange change, Optional<ChangeResult> result, Optional<RuntimeException> waitFailure) {
    /** Whether the change was made and, if awaited, completed. */
    public boolean complete() {
      return waitFailure.isEmpty();
    }
  }

  /**
   * Starts {@code start} for every name and, when {@code timeout} is present, awaits each change. A
   * failure to start is the item's error; a failure while waiting is kept in {@link
   * Done#waitFailure()}, since the change was made.
   */
  public static BulkResult<Done> run(
      CommandRun command,
      List<String> names,
      Optional<Duration> timeout,
      Function<String, PendingChange> start) {
    return run(command, command.target(), names, timeout, start);
  }

  /**
   * As {@link #run(CommandRun, List, Optional, Function)} for the connectors of {@code target};
   * each name the run's {@link Progress} tracks is moved along as its change is sent, observed and
   * finished.
   */
  public static BulkResult<Done> run(
      CommandRun command,
      Target target,
      List<String> names,
      Optional<Duration> timeout,
      Function<String, PendingChange> start) {
    PrintStream err = command.err();
    Progress progress = command.progress();
    return Bulk.apply(
        names,
        CONCURRENCY,
        name -> {
          progress.requested(target, name);
          PendingChange change;
          try {
            change = start.apply(name);
          } catch (RuntimeException e) {
            progress.failed(target, name, message(e));
            throw e;
          }
          if (timeout.isEmpty()) {
            progress.done(target, name, change.operationId());
            return new Done(change, Optional.empty(), Optional.empty());
          }
          try {
            ChangeResult result =
                await(err, name, change, timeout.get(), seen -> progress.seen(target, name, seen));
            progress.done(target, name, change.operationId());
            return new Done(change, Optional.of(result), Optional.empty());
          } catch (RuntimeException e) {
            progress.failed(target, name, message(e));
            return new Done(change, Optional.empty(), Optional.of(e));
          }
        });
  }

  private static String message(RuntimeException e) {
    return e instanceof ConnectCloudException api
        ? Failures.message(api)
        : Failures.oneLine(String.valueOf(e.getMessage()));
  }

  private static ChangeResult await(
      PrintStream err,
      String name,
      PendingChange change,
      Duration timeout,
      java.util.function.Consumer<String> seen) {
    err.println(
        "waiting up to "
            + Durations.format(timeout)
            + " for connector '"
            + name
            + "' to be "
            + change.target()
            + " …");
    ProgressLines lines = new ProgressLines(err, "  " + name + ": ", System::nanoTime);
    return change.await(
        timeout,
        what -> {
          seen.accept(what);
          lines.show(what);
        });
  }
}
