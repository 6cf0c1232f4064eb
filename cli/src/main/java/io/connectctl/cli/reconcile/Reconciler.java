package io.connectctl.cli.reconcile;

import io.connectctl.cli.CliException;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.cli.secrets.ApplySecrets;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.Fleet;
import io.connectctl.facade.FleetResult;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One cycle of {@code reconcile}, callable again and again ({@link #cycle()}): in every chosen
 * context at once ({@link Fleet}), the files are applied as {@code apply -f} applies them (same
 * {@link ApplyPlanner}, same {@link ApplySecrets}), each connector's state is read, and with heal
 * the failed ones are restarted. What a cycle sees and does goes to the {@link ReconcileLog}, the
 * {@link ReconcileMetrics} and the status ({@link #status()}).
 *
 * <p>Writes are capped: a connector found differing again right after it was written (something
 * keeps changing it back, or the server rewrites what the file says) is rewritten no sooner than
 * two intervals later, then four, up to 32 intervals, and each held write is reported; it is reset
 * once a cycle finds the connector as declared.
 */
public final class Reconciler {
  /**
   * What the run was asked to do.
   *
   * @param files {@code -f}: files and directories (empty: heal only)
   * @param recursive {@code -R}
   * @param prune the {@code --prune --selector} pattern
   * @param reportOnly {@code --report-only}: notice and report, change nothing
   * @param heal {@code --heal}
   * @param healFirst {@code --heal-backoff}
   * @param healCap {@code --heal-backoff-max}
   * @param healMax {@code --heal-max-restarts}
   * @param interval {@code --interval}
   * @param parallelism how many contexts are worked on at once
   */
  public record Settings(
      List<Path> files,
      boolean recursive,
      Optional<Pattern> prune,
      boolean reportOnly,
      boolean heal,
      Duration healFirst,
      Duration healCap,
      int healMax,
      Duration interval,
      int parallelism) {
    /** Copies. */
    public Settings {
      files = List.copyOf(files);
    }
  }

  /**
   * What one cycle did, over every context.
   *
   * @param contexts the contexts worked on
   * @param failedContexts those whose cycle did not complete
   * @param drift connectors found differing from the files
   * @param writes writes sent (creations, updates, deletions)
   * @param restarts restarts sent
   */
  public record Cycle(
      List<String> contexts, List<String> failedContexts, int drift, int writes, int restarts) {}

  private final CommandRun command;
  private final Settings settings;
  private final Supplier<List<Target>> chosen;
  private final ReconcileLog log;
  private final ReconcileMetrics metrics;
  private final Clock clock;
  private final Backoff heals;
  private final Backoff writesCap;
  private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> status = new ConcurrentHashMap<>();
  private final Set<String> cannotHeal = ConcurrentHashMap.newKeySet();
  private volatile List<String> contexts = List.of();
  private volatile java.util.function.BooleanSupplier stopping = () -> false;

  /**
   * @param command the run (its targets, clients, environment)
   * @param settings what to do
   * @param chosen the contexts {@code --contexts}/{@code --all-contexts} chose; an empty list means
   *     the contexts the files name (or the current context without files)
   * @param log where action lines go
   * @param metrics where counts go
   * @param clock the time (tests move it)
   */
  public Reconciler(
      CommandRun command,
      Settings settings,
      Supplier<List<Target>> chosen,
      ReconcileLog log,
      ReconcileMetrics metrics,
      Clock clock) {
    this.command = command;
    this.settings = settings;
    this.chosen = chosen;
    this.log = log;
    this.metrics = metrics;
    this.clock = clock;
    this.heals =
        new Backoff(
            settings.healFirst(), settings.healCap(), settings.healMax(), settings.healCap());
    this.writesCap =
        new Backoff(
            settings.interval().multipliedBy(2),
            settings.interval().multipliedBy(32),
            Integer.MAX_VALUE,
            Duration.ZERO);
  }

  /**
   * Once {@code stop} answers true, a cycle under way sends no further write or restart (the
   * request in flight finishes) and ends.
   */
  void stopWhen(java.util.function.BooleanSupplier stop) {
    this.stopping = stop;
  }

  /** Runs one cycle in every context and returns what it did. */
  public Cycle cycle() {
    List<ApplyPlanner.Group> groups = List.of();
    boolean filesRead = true;
    if (!settings.files().isEmpty()) {
      try {
        List<Manifest> manifests =
            Manifests.read(settings.files(), settings.recursive(), command.environment().in());
        groups =
            chosen.get().isEmpty() ? ApplyPlanner.groups(command, manifests) : byChosen(manifests);
      } catch (CliException e) {
        // A file being edited may not parse for a moment: heal goes on, the files wait.
        filesRead = false;
        log.line("files-unreadable", "", "", "", Failures.oneLine(e.getMessage()));
      }
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    List<Target> picked = chosen.get();
    Map<String, ApplyPlanner.Group> byContext = new LinkedHashMap<>();
    for (ApplyPlanner.Group group : groups) {
      byContext.put(group.target().context(), group);
    }
    if (!picked.isEmpty()) {
      picked.forEach(t -> targets.put(t.context(), t));
    } else if (!groups.isEmpty()) {
      groups.forEach(g -> targets.put(g.target().context(), g.target()));
    } else if (settings.files().isEmpty() || !filesRead) {
      for (String context : contexts) {
        targets.put(context, null);
      }
      if (targets.isEmpty()) {
        Target current = command.target();
        targets.put(current.context(), current);
      }
    }
    targets.replaceAll((context, t) -> t != null ? t : targetOf(context));
    contexts = List.copyOf(targets.keySet());
    boolean applyFiles = filesRead && !settings.files().isEmpty();
    AtomicInteger drift = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    AtomicInteger restarts = new AtomicInteger();
    FleetResult<Boolean> result =
        Fleet.apply(
            targets,
            Math.max(1, settings.parallelism()),
            (context, target) ->
                one(
                    target,
                    applyFiles ? Optional.ofNullable(byContext.get(context)) : Optional.empty(),
                    drift,
                    writes,
                    restarts));
    List<String> failed = new ArrayList<>();
    for (FleetResult.Member<Boolean> member : result.members()) {
      boolean ok = member.error().isEmpty() && member.value().orElse(false);
      if (!ok) {
        failed.add(member.name());
        member
            .error()
            .ifPresent(
                e ->
                    log.line(
                        "cycle-failed",
                        member.name(),
                        vendorOf(targets.get(member.name())),
                        "",
                        Failures.oneLine(String.valueOf(e.getMessage()))));
      }
    }
    return new Cycle(contexts, failed, drift.get(), writes.get(), restarts.get());
  }

  /**
   * With {@code --contexts}/{@code --all-contexts}: each chosen context gets the connectors that
   * name it and those that name no context (exit 2 when one is described twice for a context).
   */
  private List<ApplyPlanner.Group> byChosen(List<Manifest> manifests) {
    List<ApplyPlanner.Group> groups = new ArrayList<>();
    for (Target target : chosen.get()) {
      Map<String, Manifest> mine = new LinkedHashMap<>();
      for (Manifest m : manifests) {
        if (m.context().isEmpty() || m.context().equals(target.context())) {
          if (mine.put(m.name(), m) != null) {
            throw CliException.usage(
                Manifests.name(m.source())
                    + ": connector '"
                    + m.name()
                    + "' is described twice for context '"
                    + target.context()
                    + "'");
          }
        }
      }
      if (!mine.isEmpty()) {
        groups.add(new ApplyPlanner.Group(target, List.copyOf(mine.values())));
      }
    }
    return groups;
  }

  /** The contexts the last cycle worked on. */
  public List<String> contexts() {
    return contexts;
  }

  /** When each context last completed a cycle without failure. */
  public Map<String, Instant> lastSuccess() {
    return Map.copyOf(lastSuccess);
  }

  /**
   * What the run last saw of each connector and what it last did, for {@code /status}: entries
   * {@code {context, vendor, connector, state, tasks, lastSeen, lastAction, lastActionAt, restarts,
   * givenUp}}.
   */
  public List<Map<String, Object>> status() {
    List<Map<String, Object>> entries = new ArrayList<>();
    new TreeMap<>(status).values().forEach(e -> entries.add(new LinkedHashMap<>(e)));
    return entries;
  }

  /** How many connectors the run keeps state for (status, backoffs): flat over a long run. */
  int tracked() {
    return status.size() + heals.size() + writesCap.size();
  }

  private Target targetOf(String context) {
    return io.connectctl.cli.config.TargetResolver.resolve(
        new io.connectctl.cli.config.TargetFlags(context, "", command.targetFlags().keys()),
        command::config);
  }

  private static String vendorOf(Target target) {
    return target == null ? "" : target.vendor().id();
  }

  private boolean one(
      Target target,
      Optional<ApplyPlanner.Group> group,
      AtomicInteger drift,
      AtomicInteger writes,
      AtomicInteger restarts) {
    long start = System.nanoTime();
    String context = target.context();
    String vendor = target.vendor().id();
    boolean ok = true;
    ConnectorClient client = command.clientFor(target, Capability.LIST);
    if (group.isPresent()) {
      ok = applyFiles(client, target, group.get(), drift, writes);
    }
    // statuses only: where the vendor can leave the definitions out, it does
    List<ConnectorStatus> listed = new ArrayList<>();
    client.listStatuses().forEach(listed::add);
    Instant now = clock.instant();
    Map<String, Map.Entry<String, Map<String, Long>>> states = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (ConnectorStatus s : listed) {
      String key = key(context, s.name());
      seen.add(key);
      Map<String, Long> taskStates = new TreeMap<>();
      s.tasks().forEach(t -> taskStates.merge(t.state().name(), 1L, Long::sum));
      states.put(s.name(), new AbstractMap.SimpleEntry<>(s.state().name(), taskStates));
      Map<String, Object> entry = entry(target, s.name());
      entry.put("state", s.state().name());
      entry.put("tasks", taskStates);
      entry.put("lastSeen", now.toString());
      if (settings.heal() && !stopping.getAsBoolean()) {
        restarts.addAndGet(heal(client, target, s, now));
      }
      entry.put("restarts", heals.attempts(key));
      entry.put("givenUp", heals.givenUp(key));
    }
    metrics.states(context, vendor, states);
    String prefix = key(context, "");
    status.keySet().removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
    heals.retain(prefix, seen);
    writesCap.retain(prefix, seen);
    cannotHeal.removeIf(k -> k.startsWith(prefix) && !seen.contains(k));
    metrics.cycleDuration.labelValues(context).observe((System.nanoTime() - start) / 1e9);
    metrics.cycles.labelValues(context, ok ? "ok" : "failed").inc();
    if (ok) {
      lastSuccess.put(context, clock.instant());
      metrics.lastSuccess.labelValues(context).set(clock.millis() / 1000.0);
    }
    return ok;
  }

  private boolean applyFiles(
      ConnectorClient client,
      Target target,
      ApplyPlanner.Group group,
      AtomicInteger drift,
      AtomicInteger writes) {
    String context = target.context();
    String vendor = target.vendor().id();
    ApplySecrets secrets = ApplySecrets.of(command, List.of(group)).get(context);
    ApplySecrets.Outcome done = secrets.apply(command, target, settings.reportOnly(), false);
    done.lines().stream()
        .filter(l -> !l.endsWith(" unchanged") && !l.endsWith(" unchanged (dry run)"))
        .forEach(l -> log.line("secret", context, vendor, "", l));
    if (done.failed()) {
      log.line("secrets-failed", context, vendor, "", "connectors left alone this cycle");
      return false;
    }
    ApplyPlanner.Result planned = ApplyPlanner.plan(command, List.of(group), settings.prune());
    boolean ok = planned.failed().isEmpty();
    for (ApplyPlanner.Failed failed : planned.failed()) {
      log.line("read-failed", context, vendor, failed.name(), failed.outcome().line());
    }
    Instant now = clock.instant();
    for (ApplyPlanner.Plan plan : planned.plans()) {
      if (stopping.getAsBoolean()) {
        return false;
      }
      String key = key(context, plan.name());
      if (!plan.action().writes()) {
        writesCap.well(key, now);
        continue;
      }
      drift.incrementAndGet();
      String action = plan.action().id();
      metrics.driftNoticed.labelValues(context, vendor, plan.name(), action).inc();
      String keys = changedKeys(plan.diff());
      if (settings.reportOnly()) {
        log.line("drift", context, vendor, plan.name(), plan.action().planned() + keys);
        did(target, plan.name(), "drift noticed (" + plan.action().planned() + ")", now);
        continue;
      }
      if (!plan.problems().isEmpty()) {
        ok = false;
        log.line("cannot-send", context, vendor, plan.name(), String.join("; ", plan.problems()));
        continue;
      }
      Backoff.Decision decision = writesCap.attempt(key, now);
      if (decision != Backoff.Decision.ALLOWED) {
        metrics.writesHeld.labelValues(context, vendor, plan.name()).inc();
        log.line(
            "write-held",
            context,
            vendor,
            plan.name(),
            "keeps diverging from the files after "
                + writesCap.attempts(key)
                + " writes in a row; not rewritten before "
                + writesCap.next(key)
                + keys);
        did(target, plan.name(), "write held (keeps diverging)", now);
        continue;
      }
      try {
        ApplyPlanner.send(client, plan, ConnectorState.RUNNING);
        writes.incrementAndGet();
        metrics.driftCorrected.labelValues(context, vendor, plan.name(), action).inc();
        log.line(plan.action().pastTense(), context, vendor, plan.name(), keys.trim());
        did(target, plan.name(), plan.action().pastTense(), now);
      } catch (RuntimeException e) {
        ok = false;
        log.line(
            "write-failed",
            context,
            vendor,
            plan.name(),
            Failures.of(action, plan.name(), target, e).line());
      }
    }
    return ok;
  }

  /** Restarts {@code s} when it failed and its backoff allows; returns the restarts sent. */
  private int heal(ConnectorClient client, Target target, ConnectorStatus s, Instant now) {
    String context = target.context();
    String vendor = target.vendor().id();
    String key = key(context, s.name());
    List<TaskStatus> failedTasks =
        s.tasks().stream().filter(t -> t.state() == ConnectorState.FAILED).toList();
    boolean connectorFailed = s.state() == ConnectorState.FAILED;
    if (!connectorFailed && failedTasks.isEmpty()) {
      cannotHeal.remove(key);
      metrics.givenUp.labelValues(context, vendor, s.name()).set(0);
      if (heals.well(key, now)) {
        log.line("healthy-again", context, vendor, s.name(), "no longer given up");
        did(target, s.name(), "healthy again", now);
      }
      return 0;
    }
    Capabilities caps = client.capabilities();
    if (!caps.supports(Capability.RESTART) && !caps.supports(Capability.RESTART_TASK)) {
      if (cannotHeal.add(key)) {
        metrics.cannotHeal.labelValues(context, vendor, s.name()).inc();
        log.line(
            "cannot-heal",
            context,
            vendor,
            s.name(),
            "FAILED, and " + vendor + " offers no restart (it is not deleted and recreated)");
        did(target, s.name(), "cannot heal", now);
      }
      return 0;
    }
    Backoff.Decision decision = heals.attempt(key, now);
    switch (decision) {
      case WAITING, GAVE_UP -> {
        return 0;
      }
      case GIVE_UP -> {
        metrics.giveUps.labelValues(context, vendor, s.name()).inc();
        metrics.givenUp.labelValues(context, vendor, s.name()).set(1);
        log.line(
            "gave-up",
            context,
            vendor,
            s.name(),
            "still FAILED after "
                + settings.healMax()
                + " restarts; no more restarts until it is healthy again");
        did(target, s.name(), "gave up", now);
        return 0;
      }
      case ALLOWED -> {
        // ALLOWED: restart below
      }
    }
    String what;
    try {
      if (caps.supports(Capability.RESTART) && caps.supports(Capability.RESTART_TASK_OPTIONS)) {
        client.restart(s.name(), RestartOptions.failedTasksToo());
        what = connectorFailed ? "connector and failed tasks" : "failed tasks";
      } else if (!connectorFailed && caps.supports(Capability.RESTART_TASK)) {
        failedTasks.forEach(t -> client.restartTask(s.name(), t.id()));
        what = "failed tasks " + failedTasks.stream().map(t -> String.valueOf(t.id())).toList();
      } else {
        client.restart(s.name(), RestartOptions.connectorOnly());
        what = "connector";
      }
    } catch (RuntimeException e) {
      log.line(
          "restart-failed",
          context,
          vendor,
          s.name(),
          Failures.of("restart", s.name(), target, e).line());
      return 0;
    }
    metrics.restarts.labelValues(context, vendor, s.name()).inc();
    int attempt = heals.attempts(key);
    log.line(
        "restarted",
        context,
        vendor,
        s.name(),
        what
            + " (attempt "
            + attempt
            + "/"
            + settings.healMax()
            + ", next no sooner than "
            + io.connectctl.cli.Durations.format(heals.delay(attempt))
            + ")");
    did(target, s.name(), "restarted " + what, now);
    return 1;
  }

  private Map<String, Object> entry(Target target, String name) {
    return status.computeIfAbsent(
        key(target.context(), name),
        k -> {
          Map<String, Object> e = new ConcurrentHashMap<>();
          e.put("context", target.context());
          e.put("vendor", target.vendor().id());
          e.put("connector", name);
          return e;
        });
  }

  private void did(Target target, String name, String action, Instant now) {
    Map<String, Object> entry = entry(target, name);
    entry.put("lastAction", action);
    entry.put("lastActionAt", now.toString());
  }

  private static String changedKeys(ConfigDiff diff) {
    List<String> keys = diff.changes().stream().map(ConfigDiff.Change::key).toList();
    return keys.isEmpty() ? "" : " (keys: " + String.join(", ", keys) + ")";
  }

  private static String key(String context, String name) {
    return context + "\u0000" + name;
  }
}
