package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.options.ConfirmOption;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;

/**
 * pause, resume, stop, restart, delete: one change applied to every selected connector. Each
 * command is its verbs, its capability and the client call; the path (selection, capability check,
 * client, change loop) is here.
 */
abstract class MutationCommand extends WriteCommand {
  @Mixin NameSelection selection;

  @Mixin WaitOptions waitOptions;

  private final String action;
  private final String pastTense;
  private final BiFunction<ConnectorClient, String, PendingChange> change;
  private final Capability[] capabilities;

  /**
   * @param action the verb, e.g. {@code pause}
   * @param pastTense e.g. {@code paused}
   * @param change starts the change for one connector
   * @param capabilities what the vendor must offer, checked in this order
   */
  MutationCommand(
      String action,
      String pastTense,
      BiFunction<ConnectorClient, String, PendingChange> change,
      Capability... capabilities) {
    this.action = action;
    this.pastTense = pastTense;
    this.change = change;
    this.capabilities = capabilities;
  }

  /** The capabilities the vendor must offer, checked in this order. */
  Capability[] capabilities() {
    return capabilities.clone();
  }

  /** Starts the change. */
  PendingChange start(ConnectorClient client, String name) {
    return change.apply(client, name);
  }

  /**
   * The {@code --yes} of a command whose selector-driven changes are confirmed first (delete,
   * stop); null for the others.
   */
  ConfirmOption confirmation() {
    return null;
  }

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(capabilities());
    waitOptions.timeout();
    java.util.List<String> names = selection.resolve(client);
    if (!dryRun() && confirmation() != null && selection.selector() != null) {
      confirmation().confirm(environment(), action, target().context(), names);
    }
    return Changes.run(this, action, pastTense, names, waitOptions, name -> start(client, name));
  }
}
