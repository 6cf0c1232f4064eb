package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Internal: how one vendor's connector status reads while waiting: whether its tasks count, when a
 * connector is still starting, and the label progress messages show.
 */
final class StatusReading {
  /** Targets the tasks must be in too. */
  private static final Set<ConnectorState> TASK_TARGETS =
      EnumSet.of(ConnectorState.RUNNING, ConnectorState.PAUSED, ConnectorState.STOPPED);

  private final boolean reportsTasks;

  private StatusReading(boolean reportsTasks) {
    this.reportsTasks = reportsTasks;
  }

  /** How {@code vendor}'s statuses read. */
  static StatusReading of(Vendor vendor) {
    return new StatusReading(reportsTasks(vendor));
  }

  /** Whether {@code vendor} reports a connector's tasks: the vendor's rules say. */
  static boolean reportsTasks(Vendor vendor) {
    return vendor.rules().reportsTasks();
  }

  /** RUNNING (whatever the vendor's verdict) with no tasks yet. */
  boolean starting(ConnectorStatus seen) {
    return reportsTasks
        && seen.tasks().isEmpty()
        && (seen.state() == ConnectorState.RUNNING || seen.state() == ConnectorState.DEGRADED)
        && seen.vendorState().trim().toUpperCase(Locale.ROOT).equals("RUNNING");
  }

  /**
   * Whether every task is in {@code state} (always true for vendors without tasks and for states
   * tasks need not share).
   */
  boolean tasksIn(ConnectorStatus seen, ConnectorState state) {
    return !reportsTasks
        || !TASK_TARGETS.contains(state)
        || seen.tasks().stream().allMatch(t -> t.state() == state);
  }

  /**
   * {@code STATE (vendor state)}, "starting" for RUNNING without tasks, and the tasks that lag
   * behind {@code wanted} when the connector is in it.
   */
  String label(ConnectorStatus seen, boolean starting, ConnectorState wanted) {
    if (starting) {
      return "starting (" + seen.vendorState() + ", no tasks yet)";
    }
    String label =
        seen.state() + (seen.vendorState().isEmpty() ? "" : " (" + seen.vendorState() + ")");
    if (reportsTasks && TASK_TARGETS.contains(wanted) && seen.state() == wanted) {
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

  /**
   * The connector's state, worker and tasks in one string: two polls with the same signature show
   * nothing moved.
   */
  static String signature(ConnectorStatus seen) {
    return seen.state()
        + "|"
        + seen.workerId()
        + "|"
        + seen.tasks().stream()
            .map(t -> t.id() + ":" + t.state() + "@" + t.workerId())
            .collect(Collectors.joining(","));
  }
}
