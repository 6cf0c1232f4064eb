package io.connectctl.cli.reconcile;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.config.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A whole {@code reconcile} run: the {@link Reconciler}, its log and metrics, the state-directory
 * lock, the HTTP endpoints and the loop (a cycle every interval and whenever a file changes, until
 * SIGTERM/SIGINT or {@code --once}).
 */
public final class ReconcileRun {
  /**
   * What sets a run up from its parsed options ({@code reconcile}; tests call it to run cycles).
   */
  public interface Preparer {
    /** Checks the options and sets the run up; nothing is sent. */
    ReconcileRun prepare();
  }

  /**
   * How the run is set up beyond what a cycle does.
   *
   * @param metricsAddress {@code --metrics-address}, empty for none
   * @param jsonLog {@code --log-format json}
   * @param stateDir where the locks live
   * @param lockContexts the contexts to lock (those of the first cycle)
   */
  public record Setup(
      Optional<InetSocketAddress> metricsAddress,
      boolean jsonLog,
      Path stateDir,
      List<String> lockContexts) {
    /** Copies. */
    public Setup {
      lockContexts = List.copyOf(lockContexts);
    }
  }

  private final CommandRun command;
  private final Reconciler.Settings settings;
  private final Setup setup;
  private final ReconcileLog log;
  private final ReconcileMetrics metrics;
  private final Reconciler reconciler;
  private final Wakeup wakeup = new Wakeup();
  private final Clock clock = Clock.systemUTC();

  /**
   * @param command the run
   * @param settings what each cycle does
   * @param setup the rest
   * @param chosen the contexts {@code --contexts}/{@code --all-contexts} chose (empty: those of the
   *     files)
   * @param observeRequests called once with the metrics' request observer per context, before any
   *     client is made
   */
  public ReconcileRun(
      CommandRun command,
      Reconciler.Settings settings,
      Setup setup,
      Supplier<List<Target>> chosen,
      Consumer<java.util.function.Function<String, okhttp3.Interceptor>> observeRequests) {
    this.command = command;
    this.settings = settings;
    this.setup = setup;
    this.log = new ReconcileLog(command.environment().out(), setup.jsonLog());
    this.metrics = new ReconcileMetrics();
    observeRequests.accept(metrics::requestObserver);
    this.reconciler = new Reconciler(command, settings, chosen, log, metrics, clock);
    reconciler.stopWhen(wakeup::stopped);
  }

  /** Parses {@code --metrics-address HOST:PORT} (exit 2 when it is not one). */
  public static InetSocketAddress metricsAddress(String text) {
    return ReconcileServer.address(text);
  }

  /**
   * The state directory: {@code --state-dir}, else {@code $XDG_STATE_HOME/connectctl}, else {@code
   * HOME/.local/state/connectctl}.
   */
  public static Path stateDir(String explicit, java.util.Map<String, String> env, Path home) {
    return StateLock.directory(explicit, env, home);
  }

  /** The cycle engine (tests run cycles through it). */
  public Reconciler reconciler() {
    return reconciler;
  }

  /** Ends the run after the work in flight (what SIGTERM and SIGINT do). */
  public void stop() {
    wakeup.stop();
  }

  /**
   * Runs: one cycle with {@code once} (exit 1 when a context failed), else cycles until {@link
   * #stop()} or an interrupt (exit 0).
   */
  public int run(boolean once) {
    try (StateLock lock = StateLock.acquire(setup.stateDir(), setup.lockContexts());
        ReconcileServer server =
            setup.metricsAddress().isEmpty()
                ? null
                : ReconcileServer.start(
                    setup.metricsAddress().get(), metrics, reconciler, settings.interval(), clock);
        Wakeup watch = wakeup) {
      if (server != null) {
        log.line(
            "serving", "", "", "", "/metrics /healthz /readyz /status on port " + server.port());
      }
      if (once) {
        Reconciler.Cycle cycle = reconciler.cycle();
        summary(cycle);
        return cycle.failedContexts().isEmpty() ? ExitCode.OK : ExitCode.API_FAILED;
      }
      if (!settings.files().isEmpty()) {
        try {
          watch.watch(settings.files(), settings.recursive());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      log.line(
          "started",
          "",
          "",
          "",
          "every "
              + io.connectctl.cli.Durations.format(settings.interval())
              + (settings.files().isEmpty() ? "" : " and on file changes")
              + (settings.reportOnly() ? ", report only" : "")
              + (settings.heal() ? ", healing" : ""));
      while (!wakeup.stopped()) {
        summary(reconciler.cycle());
        if (!wakeup.stopped()) {
          wakeup.await(settings.interval());
        }
      }
      log.line("stopped", "", "", "", "finished the work in flight");
      return ExitCode.OK;
    }
  }

  private void summary(Reconciler.Cycle cycle) {
    if (cycle.drift() + cycle.writes() + cycle.restarts() + cycle.failedContexts().size() > 0) {
      log.line(
          "cycle",
          "",
          "",
          "",
          cycle.contexts().size()
              + " contexts, "
              + cycle.drift()
              + " drifted, "
              + cycle.writes()
              + " written, "
              + cycle.restarts()
              + " restarted, "
              + cycle.failedContexts().size()
              + " failed"
              + (cycle.failedContexts().isEmpty()
                  ? ""
                  : " (" + String.join(", ", cycle.failedContexts()) + ")"));
    }
  }
}
