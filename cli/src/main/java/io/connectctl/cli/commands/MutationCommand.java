package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import picocli.CommandLine.Mixin;

/** pause, resume, stop, restart, delete: one change applied to every selected connector. */
abstract class MutationCommand extends BaseCommand {
  @Mixin
  NameSelection selection;

  @Mixin
  WaitOptions waitOptions;

  /** The capabilities the vendor must offer, checked in this order. */
  abstract Capability[] capabilities();

  /** The verb, e.g. {@code pause}. */
  abstract String action();

  /** e.g. {@code paused}. */
  abstract String pastTense();

  /** Starts the change. */
  abstract PendingChange start(ConnectorClient client, String name);

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(capabilities());
    waitOptions.timeout();
    return Changes.run(this, action(), pastTense(), selection.resolve(client), waitOptions,
        name -> start(client, name));
  }
}
