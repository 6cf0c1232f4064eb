package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.Durations;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.PruneOptions;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.cli.reconcile.ReconcileRun;
import io.connectctl.cli.reconcile.Reconciler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reconcile [-f DIR…] [--heal] [--once] …}: keeps connectors as the files declare and, with
 * {@code --heal}, running; see {@link Reconciler} for a cycle and {@link ReconcileRun} for the run.
 */
@Command(
    name = "reconcile",
    description =
        "Keep connectors as the files declare (what apply -f does, every --interval and whenever a "
            + "file changes) and with --heal restart failed ones, until SIGTERM/SIGINT (--once: "
            + "one cycle). Serves Prometheus metrics with --metrics-address.")
final class ReconcileCommand extends BaseCommand implements ReconcileRun.Preparer {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR",
      description =
          "Connector files or directories to keep applied (read again every cycle; may repeat). "
              + "Without -f, --heal works on every connector of the chosen contexts.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = {"-R", "--recursive"},
      description = "Also read (and watch) the subdirectories of each directory given.")
  boolean recursive;

  @Mixin PruneOptions prune;

  @Mixin ContextSelection contexts;

  @Option(names = "--once", description = "Run one cycle and exit (1 if a context failed).")
  boolean once;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Time between cycles (default ${DEFAULT-VALUE}); a file change starts one at once.")
  String interval;

  @Option(
      names = "--report-only",
      description = "Notice and report drift (log, metrics, /status); change nothing.")
  boolean reportOnly;

  @Option(
      names = "--heal",
      description =
          "Restart connectors and tasks in FAILED (only the failed tasks where the vendor can), "
              + "with backoff per connector.")
  boolean heal;

  @Option(
      names = "--heal-backoff",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "Wait after a connector's first restart before another (doubles each time; default ${DEFAULT-VALUE}).")
  String healBackoff;

  @Option(
      names = "--heal-backoff-max",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "Longest wait between restarts; a connector healthy this long starts afresh "
              + "(default ${DEFAULT-VALUE}).")
  String healBackoffMax;

  @Option(
      names = "--heal-max-restarts",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Restarts before giving up on a connector until it is healthy again (default ${DEFAULT-VALUE}).")
  int healMaxRestarts;

  @Option(
      names = "--metrics-address",
      paramLabel = "HOST:PORT",
      description = "Serve /metrics (Prometheus), /healthz, /readyz and /status here.")
  String metricsAddress;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "human",
      description = "One line per action: human or json (default ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the per-context locks live (default $XDG_STATE_HOME/connectctl or "
              + "~/.local/state/connectctl): a second reconcile on a locked context exits 7.")
  String stateDir;

  @Override
  public Integer call() {
    ReconcileRun run = prepare();
    if (!once && ConnectCtl.ownsProcess()) {
      io.connectctl.cli.reconcile.Signals.onTermination(run::stop);
    }
    return run.run(once);
  }

  @Override
  public ReconcileRun prepare() {
    Duration every = Durations.parse(interval, "--interval");
    if (every.toMillis() < 1) {
      throw CliException.usage("Invalid value for --interval: '" + interval + "' (at least 1ms)");
    }
    Duration first = Durations.parse(healBackoff, "--heal-backoff");
    Duration cap = Durations.parse(healBackoffMax, "--heal-backoff-max");
    if (cap.compareTo(first) < 0) {
      throw CliException.usage(
          "--heal-backoff-max ("
              + healBackoffMax
              + ") is shorter than --heal-backoff ("
              + healBackoff
              + ")");
    }
    if (healMaxRestarts < 1) {
      throw CliException.usage(
          "Invalid value for --heal-max-restarts: " + healMaxRestarts + " (at least 1)");
    }
    boolean json =
        switch (logFormat.toLowerCase(Locale.ROOT)) {
          case "human" -> false;
          case "json" -> true;
          default ->
              throw CliException.usage(
                  "Invalid value for --log-format: '" + logFormat + "' (expected human or json)");
        };
    if (files.isEmpty() && !heal) {
      throw CliException.usage(
          "reconcile needs -f FILE|DIR (keep connectors as declared), --heal (restart failed "
              + "ones), or both");
    }
    if (files.stream().anyMatch(f -> f.equals(Manifests.STDIN))) {
      throw CliException.usage("reconcile reads its files again every cycle: -f - is not possible");
    }
    var selector = prune.selector();
    if (selector.isPresent() && files.isEmpty()) {
      throw CliException.usage("--prune deletes what the files do not declare: it needs -f");
    }
    var address = Optional.ofNullable(metricsAddress).map(ReconcileRun::metricsAddress);
    List<Target> chosen =
        contexts.given()
            ? contexts.contexts(this).stream().map(name -> config().context(name)).toList()
            : List.of();
    List<String> lock = new ArrayList<>();
    chosen.forEach(t -> lock.add(t.context()));
    if (lock.isEmpty() && !files.isEmpty()) {
      ApplyPlanner.groups(this, Manifests.read(files, recursive, environment().in()))
          .forEach(g -> lock.add(g.target().context()));
    }
    if (lock.isEmpty()) {
      lock.add(target().context());
    }
    Reconciler.Settings settings =
        new Reconciler.Settings(
            files,
            recursive,
            selector,
            reportOnly,
            heal,
            first,
            cap,
            healMaxRestarts,
            every,
            Math.min(contexts.parallel(), Math.max(1, lock.size())));
    ReconcileRun.Setup setup =
        new ReconcileRun.Setup(
            address,
            json,
            ReconcileRun.stateDir(stateDir, environment().env(), environment().home()),
            lock);
    return new ReconcileRun(this, settings, setup, () -> chosen, root()::observeRequests);
  }
}
