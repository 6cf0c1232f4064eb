package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NotFoundException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Internal: completion by polling status (Redpanda, Confluent): until a target state, until the
 * connector is gone, or until it settles after a config update. FAILED ends the wait with the
 * trace.
 *
 * <p>What a real Kafka Connect worker shows, and how it is read:
 *
 * <ul>
 *   <li>A state counts only when the connector <em>and its tasks</em> are in it (for vendors that
 *       report tasks): a connector shown PAUSED while a task still runs is not paused yet.
 *   <li>RUNNING with no tasks, right after a create or resume, is "starting", not degraded: the
 *       tasks follow within moments. A connector that stays so for {@link #STARTING} is taken as
 *       one without tasks.
 *   <li>Right after a restart, resume or config update the first polls may still show the FAILED
 *       state from before the request; but a worker usually applies a restart before the first
 *       poll, and a task that fails again at once shows FAILED with nothing in between (Redpanda's
 *       restart answers an empty 204, so there is nothing else to go by). FAILED is therefore read
 *       as "not picked up yet" only within {@link #GRACE} of the first poll and only until another
 *       state was seen; after that it ends the wait with the trace.
 *   <li>After a config update the wait ends once the worker shows the new config (when a reader was
 *       given with {@link #confirmingConfig}), the connector and its tasks are settled, and either
 *       a transition was seen (a passing state, or tasks that changed) or the status stayed the
 *       same for {@link #QUIET}: a worker that reconfigures restarts the tasks, one that does not
 *       need to leaves them as they are. A config that never reads back as sent (a server may
 *       present values its own way) ends the wait once the status has been settled and unchanged
 *       for {@link #PATIENCE}.
 * </ul>
 */
public final class StatusChange implements PendingChange {
  /**
   * How long a FAILED status right after a restart, resume or update may still be the one from
   * before it.
   */
  public static final Duration GRACE = Duration.ofSeconds(2);

  /**
   * How long RUNNING without tasks is read as "starting" before it is accepted as a connector
   * without tasks.
   */
  public static final Duration STARTING = Duration.ofSeconds(5);

  /**
   * After an update: how long an unchanged, settled status must last when no transition shows the
   * update.
   */
  public static final Duration QUIET = Duration.ofSeconds(2);

  /**
   * After an update whose config never reads back as sent: how long a settled status must stay
   * unchanged.
   */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  private static final Set<ConnectorState> UNSETTLED =
      EnumSet.of(
          ConnectorState.PROVISIONING,
          ConnectorState.RESTARTING,
          ConnectorState.UNASSIGNED,
          ConnectorState.UNKNOWN);

  /** Targets the tasks must be in too. */
  private static final Set<ConnectorState> TASK_TARGETS =
      EnumSet.of(ConnectorState.RUNNING, ConnectorState.PAUSED, ConnectorState.STOPPED);

  private enum Goal {
    STATE,
    GONE,
    SETTLED
  }

  private final Vendor vendor;
  private final String connector;
  private final Goal goal;
  private final ConnectorState target;
  private final Supplier<ConnectorStatus> status;
  private final Waiter waiter;

  /**
   * What was asked for when early failures may be stale ({@code restart}, {@code resume}), else
   * null.
   */
  private final String request;

  private final Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed;

  /** Reads the config the worker has, after an update; null when not checked. */
  private final Supplier<Map<String, String>> configReader;

  private final Map<String, String> configSent;

  /**
   * When the change was requested (on the waiter's clock), so the first read can wait for the
   * policy's first delay; {@link Waiter#NO_REQUEST} for a wait that follows no request.
   */
  private final long requestedAt;

  // What has been seen so far (kept across awaits of the same change).
  private long firstPoll = -1;
  private boolean pickedUp;

  /**
   * Whether the connector has been seen at all: once it has, its disappearance ends a wait for a
   * state.
   */
  private boolean seenOnce;

  private long startingSince = -1;
  private boolean configShown;
  private boolean transitionSeen;

  /**
   * A poll (after the request was picked up) did not yet show the target: the status has moved
   * since.
   */
  private boolean polledBeforeTarget;

  private String firstSignature;
  private String lastSignature;
  private long sameSince = -1;

  private StatusChange(
      Vendor vendor,
      String connector,
      Goal goal,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter,
      String request,
      Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed,
      Supplier<Map<String, String>> configReader,
      Map<String, String> configSent,
      long requestedAt) {
    this.vendor = vendor;
    this.connector = connector;
    this.goal = goal;
    this.target = target;
    this.status = status;
    this.waiter = waiter;
    this.request = request;
    this.alsoFailed = alsoFailed;
    this.configReader = configReader;
    this.configSent = configSent == null ? Map.of() : Map.copyOf(configSent);
    this.requestedAt = requestedAt;
  }

  private StatusChange(
      Vendor vendor,
      String connector,
      Goal goal,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter,
      String request) {
    this(
        vendor,
        connector,
        goal,
        target,
        status,
        waiter,
        request,
        seen -> Optional.empty(),
        null,
        null,
        waiter.now());
  }

  /** Completes when the connector (and its tasks) reach {@code target}. */
  public static StatusChange untilState(
      Vendor vendor,
      String connector,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter, null);
  }

  /**
   * As {@link #untilState}, right after a restart: FAILED may be the state from before the restart
   * during the {@link #GRACE} period, until the connector shows another state.
   */
  public static StatusChange untilStateAfterRestart(
      Vendor vendor,
      String connector,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter, "restart");
  }

  /** As {@link #untilStateAfterRestart}, right after a resume. */
  public static StatusChange untilStateAfterResume(
      Vendor vendor,
      String connector,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter, "resume");
  }

  /**
   * A copy that also ends the wait with the failure {@code rule} finds in a status (e.g. a failed
   * task while waiting for RUNNING). Such failures count as FAILED: after a restart or resume they
   * too may be stale.
   */
  public StatusChange failingAlsoWhen(
      Function<ConnectorStatus, Optional<ConnectorFailedException>> rule) {
    return copy(rule, configReader, configSent, requestedAt);
  }

  /**
   * A copy that, after a config update, also waits until {@code reader} shows the config {@code
   * sent}: every key sent has the value sent (a value the vendor masks, or a secret it does not
   * return, counts as shown).
   */
  public StatusChange confirmingConfig(
      Supplier<Map<String, String>> reader, Map<String, String> sent) {
    return copy(alsoFailed, reader, sent, requestedAt);
  }

  /**
   * A copy for a wait that follows no request of its own ({@code waitFor}): its first read comes at
   * once, whatever the policy's first delay.
   */
  public StatusChange readingAtOnce() {
    return copy(alsoFailed, configReader, configSent, Waiter.NO_REQUEST);
  }

  private StatusChange copy(
      Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed,
      Supplier<Map<String, String>> configReader,
      Map<String, String> configSent,
      long requestedAt) {
    return new StatusChange(
        vendor,
        connector,
        goal,
        target,
        status,
        waiter,
        request,
        alsoFailed,
        configReader,
        configSent,
        requestedAt);
  }

  /** Completes when the connector no longer exists. */
  public static StatusChange untilGone(
      Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(
        vendor, connector, Goal.GONE, ConnectorState.DELETED, status, waiter, null);
  }

  /**
   * Completes when the connector has taken a config update and settled (see the class description).
   * FAILED ends the wait with the trace, unless it may be from before the update ({@link #GRACE}).
   */
  public static StatusChange untilSettled(
      Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.SETTLED, null, status, waiter, "config update");
  }

  @Override
  public String connector() {
    return connector;
  }

  @Override
  public String target() {
    return switch (goal) {
      case STATE -> target.name();
      case GONE -> "deleted";
      case SETTLED -> "settled";
    };
  }

  @Override
  public String operationId() {
    return "";
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    return waiter.awaitRequested(
        requestedAt, vendor, connector, target(), "", timeout, progress, this::observe);
  }

  private synchronized Waiter.Observation observe() {
    long now = waiter.now();
    if (firstPoll < 0) {
      firstPoll = now;
    }
    ConnectorStatus seen;
    try {
      seen = status.get();
    } catch (NotFoundException e) {
      if (goal == Goal.GONE) {
        return Waiter.Observation.done("deleted", Optional.empty());
      }
      if (seenOnce) {
        return Waiter.Observation.failed(
            "not found",
            new NotFoundException(
                "Connector '"
                    + connector
                    + "' was deleted (by someone else) while waiting for "
                    + target()
                    + "; stopped waiting",
                e.context(),
                e));
      }
      return Waiter.Observation.pending("not found", Optional.empty());
    }
    seenOnce = true;
    boolean starting = starting(seen);
    if (starting && startingSince < 0) {
      startingSince = now;
    } else if (!starting) {
      startingSince = -1;
    }
    boolean startedWithoutTasks = starting && now - startingSince >= STARTING.toNanos();
    String label = label(seen, starting && !startedWithoutTasks);
    if (goal == Goal.GONE) {
      return Waiter.Observation.pending(label, Optional.of(seen));
    }
    Optional<ConnectorFailedException> failure = failure(seen);
    if (failure.isPresent()) {
      boolean mayBeStale = request != null && !pickedUp && now - firstPoll < GRACE.toNanos();
      if (goal == Goal.STATE
          && target == ConnectorState.FAILED
          && seen.state() == ConnectorState.FAILED
          && !mayBeStale) {
        return Waiter.Observation.done(label, Optional.of(seen));
      }
      if (mayBeStale) {
        polledBeforeTarget = true;
        return Waiter.Observation.pending(
            label + ", " + request + " not picked up yet", Optional.of(seen));
      }
      return Waiter.Observation.failed(label, failure.get());
    }
    pickedUp = true;
    boolean reached =
        switch (goal) {
          case STATE ->
              stateReached(seen, starting, startedWithoutTasks) && restartShownOrQuiet(seen, now);
          case SETTLED -> settled(seen, starting, startedWithoutTasks, now);
          case GONE -> false;
        };
    if (reached) {
      return Waiter.Observation.done(label, Optional.of(seen));
    }
    polledBeforeTarget = true;
    String waitingFor =
        goal == Goal.SETTLED && configReader != null && !configShown
            ? ", new config not shown yet"
            : "";
    return Waiter.Observation.pending(label + waitingFor, Optional.of(seen));
  }

  /**
   * After a restart the first polls may still show the RUNNING state from before it (a worker
   * records the restart and only then moves the connector and tasks through RESTARTING). The target
   * counts at once when something moved since the first poll (or the first poll was not yet the
   * target); otherwise only once the same status has held for {@link #QUIET}. Other waits are not
   * affected.
   */
  private boolean restartShownOrQuiet(ConnectorStatus seen, long now) {
    if (!"restart".equals(request)) {
      return true;
    }
    String signature = signature(seen);
    if (firstSignature == null) {
      firstSignature = signature;
      lastSignature = signature;
      sameSince = now;
      transitionSeen = polledBeforeTarget;
    } else if (!signature.equals(firstSignature)) {
      transitionSeen = true;
    }
    if (!signature.equals(lastSignature)) {
      lastSignature = signature;
      sameSince = now;
    }
    return transitionSeen || now - sameSince >= QUIET.toNanos();
  }

  private boolean stateReached(
      ConnectorStatus seen, boolean starting, boolean startedWithoutTasks) {
    if (target == ConnectorState.RUNNING && starting) {
      return startedWithoutTasks;
    }
    return seen.state() == target && tasksIn(seen, target);
  }

  private boolean settled(
      ConnectorStatus seen, boolean starting, boolean startedWithoutTasks, long now) {
    String signature = signature(seen);
    if (firstSignature == null) {
      firstSignature = signature;
    } else if (!signature.equals(firstSignature)) {
      transitionSeen = true;
    }
    if (!signature.equals(lastSignature)) {
      lastSignature = signature;
      sameSince = now;
    }
    boolean passing =
        UNSETTLED.contains(seen.state())
            || (starting && !startedWithoutTasks)
            || seen.tasks().stream().anyMatch(t -> UNSETTLED.contains(t.state()));
    if (passing) {
      transitionSeen = true;
      return false;
    }
    if (TASK_TARGETS.contains(seen.state())
        && !tasksIn(seen, seen.state())
        && !startedWithoutTasks) {
      return false;
    }
    boolean shown = configShown();
    long unchanged = now - sameSince;
    if (shown) {
      // Reconfigured (tasks went through a restart), or the worker did not need to restart them.
      return transitionSeen || unchanged >= QUIET.toNanos();
    }
    // The config never reads back as sent: the server may present values its own way. A status
    // settled and
    // unchanged for this long is taken as the end.
    return unchanged >= PATIENCE.toNanos();
  }

  private boolean configShown() {
    if (configShown || configReader == null) {
      configShown = true;
      return true;
    }
    Map<String, String> current;
    try {
      current = configReader.get();
    } catch (NotFoundException e) {
      return false;
    }
    configShown =
        configSent.entrySet().stream()
            .allMatch(
                e -> {
                  String have = current.get(e.getKey());
                  if (Redaction.isSecretKey(e.getKey())) {
                    return true; // masked, left out, or stored as a reference to a secret store:
                    // not comparable
                  }
                  return e.getValue().equals(have) || (have != null && Redaction.isMasked(have));
                });
    return configShown;
  }

  /** Whether the vendor reports a connector's tasks (Yandex does not). */
  private boolean reportsTasks() {
    return vendor != Vendor.YANDEX;
  }

  /** RUNNING (whatever the vendor's verdict) with no tasks yet. */
  private boolean starting(ConnectorStatus seen) {
    return reportsTasks()
        && seen.tasks().isEmpty()
        && (seen.state() == ConnectorState.RUNNING || seen.state() == ConnectorState.DEGRADED)
        && seen.vendorState().trim().toUpperCase(Locale.ROOT).equals("RUNNING");
  }

  /**
   * Whether every task is in {@code state} (always true for vendors without tasks and for other
   * targets).
   */
  private boolean tasksIn(ConnectorStatus seen, ConnectorState state) {
    return !reportsTasks()
        || !TASK_TARGETS.contains(state)
        || seen.tasks().stream().allMatch(t -> t.state() == state);
  }

  private static String signature(ConnectorStatus seen) {
    return seen.state()
        + "|"
        + seen.workerId()
        + "|"
        + seen.tasks().stream()
            .map(t -> t.id() + ":" + t.state() + "@" + t.workerId())
            .collect(Collectors.joining(","));
  }

  /**
   * {@code STATE (vendor state)}, "starting" for RUNNING without tasks, and the tasks that lag
   * behind.
   */
  private String label(ConnectorStatus seen, boolean starting) {
    if (starting) {
      return "starting (" + seen.vendorState() + ", no tasks yet)";
    }
    String label =
        seen.state() + (seen.vendorState().isEmpty() ? "" : " (" + seen.vendorState() + ")");
    ConnectorState wanted = goal == Goal.STATE ? target : seen.state();
    if (reportsTasks() && TASK_TARGETS.contains(wanted) && seen.state() == wanted) {
      List<TaskStatus> behind = seen.tasks().stream().filter(t -> t.state() != wanted).toList();
      if (!behind.isEmpty()) {
        label +=
            ", "
                + behind.stream()
                    .map(t -> "task " + t.id() + " " + t.state())
                    .collect(Collectors.joining(", "));
      }
    }
    return label;
  }

  private Optional<ConnectorFailedException> failure(ConnectorStatus seen) {
    if (seen.state() == ConnectorState.FAILED) {
      return Optional.of(
          ConnectorFailedException.failedState(
              vendor,
              connector,
              "Connector '"
                  + connector
                  + "' FAILED while waiting for "
                  + target()
                  + firstLine(seen.firstTrace()),
              seen.vendorState(),
              seen.firstTrace()));
    }
    return alsoFailed.apply(seen);
  }

  /**
   * {@code ": "} and the first line of a failure's trace, for the end of a failure message; empty
   * when there is no trace.
   */
  public static String firstLine(String trace) {
    if (trace.isEmpty()) {
      return "";
    }
    int nl = trace.indexOf('\n');
    return ": " + (nl < 0 ? trace : trace.substring(0, nl));
  }
}
