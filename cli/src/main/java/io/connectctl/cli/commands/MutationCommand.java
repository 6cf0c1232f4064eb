package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.bulk.Progress;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ConfirmOption;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @Mixin ContextSelection contexts;

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
    ContextFleet fleet = new ContextFleet(this, contexts);
    if (fleet.several()) {
      return acrossContexts(fleet);
    }
    ConnectorClient client = client(capabilities());
    waitOptions.timeout();
    List<String> names = selection.resolve(client);
    if (!dryRun() && confirmation() != null && selection.selector() != null) {
      confirmation().confirm(environment(), action, target().context(), names);
    }
    return Changes.run(this, action, pastTense, names, waitOptions, name -> start(client, name));
  }

  /** The connectors of one context the change is for. */
  private record Selected(Target target, List<String> names) {}

  /**
   * The change over several contexts: first every context's connectors are found (concurrently),
   * then listed with {@code --dry-run} or confirmed at once for all contexts, then changed
   * (concurrently); output in the config file's order.
   */
  private int acrossContexts(ContextFleet fleet) {
    waitOptions.timeout();
    List<ContextFleet.Outcome<Selected>> found =
        fleet.run(
            target -> new Selected(target, selection.resolve(clientFor(target, capabilities()))));
    List<Integer> codes = new ArrayList<>(fleet.report("list connectors", found));
    List<Selected> selected = new ArrayList<>();
    found.forEach(outcome -> outcome.value().ifPresent(selected::add));
    if (dryRun()) {
      List<Changes.Report> reports = new ArrayList<>();
      selected.forEach(
          s -> reports.add(Changes.dryRunReport(s.target(), action, pastTense, s.names(), true)));
      codes.add(Changes.printDryRun(this, reports));
      return ExitCode.combine(codes);
    }
    if (confirmation() != null && selection.selector() != null) {
      Map<String, List<String>> byContext = new LinkedHashMap<>();
      selected.forEach(s -> byContext.put(s.target().context(), s.names()));
      confirmation().confirm(environment(), action, byContext);
    }
    Progress progress = progress();
    selected.forEach(s -> Changes.track(progress, s.target(), action, pastTense, s.names()));
    progress.output(printer(), err());
    Map<String, List<String>> names = new LinkedHashMap<>();
    selected.forEach(s -> names.put(s.target().context(), s.names()));
    List<ContextFleet.Outcome<Changes.Report>> changed =
        fleet.run(
            selected.stream().map(Selected::target).toList(),
            target ->
                Changes.change(
                    this,
                    action,
                    action,
                    pastTense,
                    target,
                    names.get(target.context()),
                    waitOptions.waitFor(),
                    name -> start(clientFor(target, capabilities()), name)));
    codes.addAll(fleet.report(action, changed));
    List<Changes.Report> reports = new ArrayList<>();
    changed.forEach(outcome -> outcome.value().ifPresent(reports::add));
    progress.finish(() -> codes.add(Changes.print(this, reports)));
    return ExitCode.combine(codes);
  }
}
