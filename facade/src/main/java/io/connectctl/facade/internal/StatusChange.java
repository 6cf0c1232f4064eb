package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Internal: completion by polling status, for every vendor: the changes of Redpanda, Confluent and
 * Kafka Connect, and {@code waitFor} on all four (Yandex's own changes follow its operations
 * instead). It waits until a target state ({@link StateGoal}), until the connector is gone ({@link
 * GoneGoal}), or until it settles after a config update ({@link SettledGoal}); FAILED ends the wait
 * with the trace. This class reads the status, handles a missing connector and failures; the goal
 * decides when what was seen ends the wait, the {@link ObservedHistory} keeps what was seen, and
 * the {@link RequestKind} says which early polls may still show the state from before the request.
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
 *       same for the policy's {@link io.connectctl.facade.PollingPolicy#quietPeriod() quiet
 *       period}: a worker that reconfigures restarts the tasks, one that does not need to leaves
 *       them as they are. A config that never reads back as sent (a server may present values its
 *       own way) ends the wait once the status has been settled and unchanged for {@link
 *       #PATIENCE}.
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
   * The quiet period of the named policies ({@link
   * io.connectctl.facade.PollingPolicy#DEFAULT_QUIET_PERIOD}): after a restart or update, how long
   * an unchanged status must last when no transition shows the request. A waiter's policy says the
   * period used.
   */
  public static final Duration QUIET = io.connectctl.facade.PollingPolicy.DEFAULT_QUIET_PERIOD;

  /**
   * After an update whose config never reads back as sent: how long a settled status must stay
   * unchanged.
   */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  private final Vendor vendor;
  private final String connector;
  private final WaitGoal goal;
  private final Supplier<ConnectorStatus> status;
  private final Waiter waiter;
  private final StatusReading reading;
  private final Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed;

  /**
   * When the change was requested (on the waiter's clock), so the first read can wait for the
   * policy's first delay; {@link Waiter#NO_REQUEST} for a wait that follows no request.
   */
  private final long requestedAt;

  /** What has been seen so far (kept across awaits of the same change, not shared by copies). */
  private final ObservedHistory history;

  /** What the server answered the request with, or null: recorded as the first status seen. */
  private final ConnectorStatus told;

  private StatusChange(
      Vendor vendor,
      String connector,
      WaitGoal goal,
      Supplier<ConnectorStatus> status,
      Waiter waiter,
      Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed,
      long requestedAt,
      ConnectorStatus told) {
    this.vendor = vendor;
    this.connector = connector;
    this.goal = goal;
    this.status = status;
    this.waiter = waiter;
    this.reading = StatusReading.of(vendor);
    this.alsoFailed = alsoFailed;
    this.requestedAt = requestedAt;
    this.told = told;
    this.history = new ObservedHistory(waiter.policy().quietPeriod());
    if (told != null) {
      history.told(StatusReading.signature(told), requestedAt);
    }
  }

  private StatusChange(
      Vendor vendor,
      String connector,
      WaitGoal goal,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    this(vendor, connector, goal, status, waiter, seen -> Optional.empty(), waiter.now(), null);
  }

  /** Completes when the connector (and its tasks) reach {@code target}. */
  public static StatusChange untilState(
      Vendor vendor,
      String connector,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    return new StatusChange(
        vendor, connector, new StateGoal(target, RequestKind.NONE), status, waiter);
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
    return new StatusChange(
        vendor, connector, new StateGoal(target, RequestKind.RESTART), status, waiter);
  }

  /** As {@link #untilStateAfterRestart}, right after a resume. */
  public static StatusChange untilStateAfterResume(
      Vendor vendor,
      String connector,
      ConnectorState target,
      Supplier<ConnectorStatus> status,
      Waiter waiter) {
    return new StatusChange(
        vendor, connector, new StateGoal(target, RequestKind.RESUME), status, waiter);
  }

  /** Completes when the connector no longer exists. */
  public static StatusChange untilGone(
      Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, new GoneGoal(), status, waiter);
  }

  /**
   * Completes when the connector has taken a config update and settled (see the class description).
   * FAILED ends the wait with the trace, unless it may be from before the update ({@link #GRACE}).
   */
  public static StatusChange untilSettled(
      Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, new SettledGoal(), status, waiter);
  }

  /**
   * A copy that also ends the wait with the failure {@code rule} finds in a status (e.g. a failed
   * task while waiting for RUNNING). Such failures count as FAILED: after a restart or resume they
   * too may be stale.
   */
  public StatusChange failingAlsoWhen(
      Function<ConnectorStatus, Optional<ConnectorFailedException>> rule) {
    return copy(goal, rule, requestedAt, told);
  }

  /**
   * A copy for a request the server answered with the status it is bringing about ({@code answer}):
   * Kafka Connect's restart with {@code includeTasks} or {@code onlyFailed} shows the instances it
   * is about to restart as RESTARTING. When it restarts none, the status read next is taken as it
   * is; otherwise the answer counts as the first status seen, so a status that differs from it (the
   * instances running again) ends the wait without a quiet period.
   */
  public StatusChange toldByServer(ConnectorStatus answer) {
    if (answer == null) {
      return this;
    }
    boolean restarting =
        answer.state() == ConnectorState.RESTARTING
            || answer.tasks().stream().anyMatch(t -> t.state() == ConnectorState.RESTARTING);
    WaitGoal plain =
        restarting || !(goal instanceof StateGoal state)
            ? goal
            : new StateGoal(state.state(), RequestKind.NONE);
    return copy(plain, alsoFailed, requestedAt, restarting ? answer : null);
  }

  /**
   * A copy that, after a config update, also waits until {@code reader} shows the config {@code
   * sent}: every key sent has the value sent (a value the vendor masks, or a secret it does not
   * return, counts as shown). Waits for other goals are copied unchanged.
   */
  public StatusChange confirmingConfig(
      Supplier<Map<String, String>> reader, Map<String, String> sent) {
    return copy(goal.confirmingConfig(reader, sent), alsoFailed, requestedAt, told);
  }

  /**
   * A copy for a wait that follows no request of its own ({@code waitFor}): its first read comes at
   * once, whatever the policy's first delay.
   */
  public StatusChange readingAtOnce() {
    return copy(goal, alsoFailed, Waiter.NO_REQUEST, told);
  }

  private StatusChange copy(
      WaitGoal goal,
      Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed,
      long requestedAt,
      ConnectorStatus told) {
    return new StatusChange(vendor, connector, goal, status, waiter, alsoFailed, requestedAt, told);
  }

  @Override
  public String connector() {
    return connector;
  }

  @Override
  public String target() {
    return goal.target();
  }

  @Override
  public String operationId() {
    return "";
  }

  /** {@code PendingChange[connector=orders, target=PAUSED]}. */
  @Override
  public String toString() {
    return ChangeText.describe(connector, target(), "", "");
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    return waiter.awaitRequested(
        requestedAt, vendor, connector, target(), "", timeout, progress, this::observe);
  }

  private synchronized Waiter.Observation observe() {
    long now = waiter.now();
    history.polling(now);
    ConnectorStatus seen;
    try {
      seen = status.get();
    } catch (NotFoundException e) {
      return missing(e);
    }
    WaitGoal.Poll poll = history.seen(seen, reading.starting(seen), now);
    String label = reading.label(seen, poll.stillStarting(), goal.labelState(seen));
    if (goal.endsWhenGone()) {
      return Waiter.Observation.pending(label, Optional.of(seen));
    }
    Optional<ConnectorFailedException> failure = failure(seen);
    if (failure.isPresent()) {
      RequestKind request = goal.request();
      boolean mayBeStale = request.mayShowFailureFromBefore() && history.withinGrace(now);
      if (goal.wantsFailed(seen) && !mayBeStale) {
        return Waiter.Observation.done(label, Optional.of(seen));
      }
      if (mayBeStale) {
        history.polledBeforeTarget();
        return Waiter.Observation.pending(
            label + ", " + request.label() + " not picked up yet", Optional.of(seen));
      }
      return Waiter.Observation.failed(label, failure.get());
    }
    history.pickedUp();
    if (goal.reached(poll, history, reading)) {
      return Waiter.Observation.done(label, Optional.of(seen));
    }
    history.polledBeforeTarget();
    return Waiter.Observation.pending(label + goal.stillWaitingFor(history), Optional.of(seen));
  }

  /** The connector was not found: the end of a wait until gone, else not there yet or deleted. */
  private Waiter.Observation missing(NotFoundException e) {
    if (goal.endsWhenGone()) {
      return Waiter.Observation.done("deleted", Optional.empty());
    }
    if (history.seenOnce()) {
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
