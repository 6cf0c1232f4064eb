package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorFailedException;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.NotFoundException;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Vendor;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Internal: completion by polling status (Redpanda, Confluent): until a target state, until the connector is gone,
 * or until it settles (not provisioning, restarting or unassigned). FAILED ends the wait with the trace.
 *
 * <p>After a restart or resume the first polls may still show the connector as it was before the request, FAILED
 * included. {@link #untilStateAfterRestart} and {@link #untilStateAfterResume} therefore read FAILED as "not picked
 * up yet" and poll on, until the connector has shown some other state; from then on FAILED ends the wait as usual.
 * A connector that never leaves FAILED runs into the timeout, which names FAILED as the last state seen.
 *
 * <p>A connector not found before it was ever seen is polled on (a new connector's status appears a moment after
 * it is created); one that disappears after it was seen ends a wait for a state at once with a
 * {@link NotFoundException} saying it was deleted, rather than polling until the timeout.
 */
public final class StatusChange implements PendingChange {
  private static final Set<ConnectorState> UNSETTLED =
      EnumSet.of(ConnectorState.PROVISIONING, ConnectorState.RESTARTING, ConnectorState.UNASSIGNED, ConnectorState.UNKNOWN);

  private enum Goal { STATE, GONE, SETTLED }

  private final Vendor vendor;
  private final String connector;
  private final Goal goal;
  private final ConnectorState target;
  private final Supplier<ConnectorStatus> status;
  private final Waiter waiter;
  /** What was asked for when early failures may be stale ({@code restart}, {@code resume}), else null. */
  private final String request;
  private final Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed;
  /** Whether a state other than a failure has been seen, so failures are no longer stale. */
  private final AtomicBoolean pickedUp = new AtomicBoolean();
  /** Whether the connector has been seen at all: once it has, its disappearance ends a wait for a state. */
  private final AtomicBoolean seenOnce = new AtomicBoolean();

  private StatusChange(Vendor vendor, String connector, Goal goal, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter, String request,
      Function<ConnectorStatus, Optional<ConnectorFailedException>> alsoFailed) {
    this.vendor = vendor;
    this.connector = connector;
    this.goal = goal;
    this.target = target;
    this.status = status;
    this.waiter = waiter;
    this.request = request;
    this.alsoFailed = alsoFailed;
  }

  private StatusChange(Vendor vendor, String connector, Goal goal, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    this(vendor, connector, goal, target, status, waiter, null, seen -> Optional.empty());
  }

  /** Completes when the connector reaches {@code target}. */
  public static StatusChange untilState(Vendor vendor, String connector, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter);
  }

  /**
   * As {@link #untilState}, right after a restart: FAILED is read as the state from before the restart until the
   * connector has shown another state.
   */
  public static StatusChange untilStateAfterRestart(Vendor vendor, String connector, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter, "restart", seen -> Optional.empty());
  }

  /**
   * As {@link #untilState}, right after a resume: FAILED is read as the state from before the resume until the
   * connector has shown another state.
   */
  public static StatusChange untilStateAfterResume(Vendor vendor, String connector, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter, "resume", seen -> Optional.empty());
  }

  /**
   * A copy that also ends the wait with the failure {@code rule} finds in a status (e.g. a failed task while
   * waiting for RUNNING). Such failures count as FAILED: after a restart or resume they too may be stale.
   */
  public StatusChange failingAlsoWhen(Function<ConnectorStatus, Optional<ConnectorFailedException>> rule) {
    return new StatusChange(vendor, connector, goal, target, status, waiter, request, rule);
  }

  /** Completes when the connector no longer exists. */
  public static StatusChange untilGone(Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.GONE, ConnectorState.DELETED, status, waiter);
  }

  /**
   * Completes when the connector is no longer provisioning, restarting or unassigned, after a config update.
   * FAILED ends the wait with the trace, once the connector has shown another state (a FAILED seen first may be
   * from before the update).
   */
  public static StatusChange untilSettled(Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.SETTLED, null, status, waiter, "config update",
        seen -> Optional.empty());
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
    return waiter.await(vendor, connector, target(), "", timeout, progress, this::observe);
  }

  private Waiter.Observation observe() {
    ConnectorStatus seen;
    try {
      seen = status.get();
    } catch (NotFoundException e) {
      if (goal == Goal.GONE) {
        return Waiter.Observation.done("deleted", Optional.empty());
      }
      if (seenOnce.get()) {
        return Waiter.Observation.failed("not found", new NotFoundException("Connector '" + connector
            + "' was deleted (by someone else) while waiting for " + target() + "; stopped waiting", vendor,
            e.httpStatus(), e.vendorCode(), e.vendorMessage(), e.requestId(), e));
      }
      return Waiter.Observation.pending("not found", Optional.empty());
    }
    seenOnce.set(true);
    String label = seen.state() + (seen.vendorState().isEmpty() ? "" : " (" + seen.vendorState() + ")");
    boolean reached = switch (goal) {
      case STATE -> seen.state() == target;
      case GONE -> false;
      case SETTLED -> !UNSETTLED.contains(seen.state()) && seen.state() != ConnectorState.FAILED;
    };
    if (reached) {
      return Waiter.Observation.done(label, Optional.of(seen));
    }
    Optional<ConnectorFailedException> failure = goal == Goal.GONE ? Optional.empty() : failure(seen);
    if (failure.isEmpty()) {
      pickedUp.set(true);
      return Waiter.Observation.pending(label, Optional.of(seen));
    }
    if (request != null && !pickedUp.get()) {
      return Waiter.Observation.pending(label + ", " + request + " not picked up yet", Optional.of(seen));
    }
    return Waiter.Observation.failed(label, failure.get());
  }

  private Optional<ConnectorFailedException> failure(ConnectorStatus seen) {
    if (seen.state() == ConnectorState.FAILED) {
      return Optional.of(new ConnectorFailedException(vendor, connector,
          "Connector '" + connector + "' FAILED while waiting for " + target() + firstLine(seen.firstTrace()),
          seen.vendorState(), seen.firstTrace(), ""));
    }
    return alsoFailed.apply(seen);
  }

  private static String firstLine(String trace) {
    if (trace.isEmpty()) {
      return "";
    }
    int nl = trace.indexOf('\n');
    return ": " + (nl < 0 ? trace : trace.substring(0, nl));
  }
}
