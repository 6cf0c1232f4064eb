package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.errors.NotFoundException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Internal: waits until the connector has taken a config update and settled: the worker shows the
 * new config (when a reader was given), the connector and its tasks are in a settled state, and
 * either a transition was seen (a passing state, or a status other than the first) or the status
 * stayed the same for the policy's quiet period. A config that never reads back as sent ends the
 * wait once the status has been settled and unchanged for {@link StatusChange#PATIENCE}.
 *
 * @param configReader reads the config the worker has; null when not checked
 * @param configSent the config sent
 */
record SettledGoal(Supplier<Map<String, String>> configReader, Map<String, String> configSent)
    implements WaitGoal {
  /** States a connector or task passes through, not ones it settles in. */
  private static final Set<ConnectorState> UNSETTLED =
      EnumSet.of(
          ConnectorState.PROVISIONING,
          ConnectorState.RESTARTING,
          ConnectorState.UNASSIGNED,
          ConnectorState.UNKNOWN);

  /** Settled, without checking the config. */
  SettledGoal() {
    this(null, Map.of());
  }

  @Override
  public String target() {
    return "settled";
  }

  @Override
  public RequestKind request() {
    return RequestKind.CONFIG_UPDATE;
  }

  @Override
  public boolean reached(Poll poll, ObservedHistory history, StatusReading reading) {
    ConnectorStatus seen = poll.status();
    history.record(StatusReading.signature(seen), poll.now());
    boolean passing =
        UNSETTLED.contains(seen.state())
            || poll.stillStarting()
            || seen.tasks().stream().anyMatch(t -> UNSETTLED.contains(t.state()));
    if (passing) {
      history.transitionSeen();
      return false;
    }
    if (!reading.tasksIn(seen, seen.state()) && !poll.startedWithoutTasks()) {
      return false; // the connector is in a state its tasks have not all reached yet
    }
    boolean shown = configShown(history);
    long unchanged = history.unchangedFor(poll.now());
    if (shown) {
      // Reconfigured (tasks went through a restart), or the worker did not need to restart them.
      return history.sawTransition() || history.quietSince(poll.now());
    }
    // The config never reads back as sent: the server may present values its own way. A status
    // settled and unchanged for this long is taken as the end.
    return unchanged >= StatusChange.PATIENCE.toNanos();
  }

  @Override
  public String stillWaitingFor(ObservedHistory history) {
    return configReader != null && !history.sawConfig() ? ", new config not shown yet" : "";
  }

  @Override
  public WaitGoal confirmingConfig(Supplier<Map<String, String>> reader, Map<String, String> sent) {
    return new SettledGoal(reader, sent == null ? Map.of() : Map.copyOf(sent));
  }

  /**
   * Whether the worker shows the config sent: every key sent has the value sent (a value the vendor
   * masks, or a secret it does not return, counts as shown). Once shown, not read again.
   */
  private boolean configShown(ObservedHistory history) {
    if (history.sawConfig() || configReader == null) {
      history.configShown();
      return true;
    }
    Map<String, String> current;
    try {
      current = configReader.get();
    } catch (NotFoundException e) {
      return false;
    }
    boolean shown =
        configSent.entrySet().stream()
            .allMatch(
                e -> {
                  String have = current.get(e.getKey());
                  if (Redaction.isSecret(e.getKey(), e.getValue())) {
                    return true; // masked, left out, or stored as a reference to a secret store:
                    // not comparable
                  }
                  return e.getValue().equals(have) || (have != null && Redaction.isMasked(have));
                });
    if (shown) {
      history.configShown();
    }
    return shown;
  }
}
