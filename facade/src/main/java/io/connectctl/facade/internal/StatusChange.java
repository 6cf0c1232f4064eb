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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Internal: completion by polling status (Redpanda, Confluent): until a target state, until the connector is gone,
 * or until it settles (not provisioning, restarting or unassigned). FAILED ends the wait with the trace.
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

  private StatusChange(Vendor vendor, String connector, Goal goal, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    this.vendor = vendor;
    this.connector = connector;
    this.goal = goal;
    this.target = target;
    this.status = status;
    this.waiter = waiter;
  }

  /** Completes when the connector reaches {@code target}. */
  public static StatusChange untilState(Vendor vendor, String connector, ConnectorState target,
      Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.STATE, target, status, waiter);
  }

  /** Completes when the connector no longer exists. */
  public static StatusChange untilGone(Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.GONE, ConnectorState.DELETED, status, waiter);
  }

  /** Completes when the connector is no longer provisioning, restarting or unassigned. */
  public static StatusChange untilSettled(Vendor vendor, String connector, Supplier<ConnectorStatus> status, Waiter waiter) {
    return new StatusChange(vendor, connector, Goal.SETTLED, null, status, waiter);
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
      return goal == Goal.GONE
          ? Waiter.Observation.done("deleted", Optional.empty())
          : Waiter.Observation.pending("not found", Optional.empty());
    }
    String label = seen.state() + (seen.vendorState().isEmpty() ? "" : " (" + seen.vendorState() + ")");
    boolean reached = switch (goal) {
      case STATE -> seen.state() == target;
      case GONE -> false;
      case SETTLED -> !UNSETTLED.contains(seen.state());
    };
    if (reached) {
      return Waiter.Observation.done(label, Optional.of(seen));
    }
    if (seen.state() == ConnectorState.FAILED && goal != Goal.GONE) {
      return Waiter.Observation.failed(label, new ConnectorFailedException(vendor, connector,
          "Connector '" + connector + "' FAILED while waiting for " + target() + firstLine(seen.firstTrace()),
          seen.vendorState(), seen.firstTrace(), ""));
    }
    return Waiter.Observation.pending(label, Optional.of(seen));
  }

  private static String firstLine(String trace) {
    if (trace.isEmpty()) {
      return "";
    }
    int nl = trace.indexOf('\n');
    return ": " + (nl < 0 ? trace : trace.substring(0, nl));
  }
}
