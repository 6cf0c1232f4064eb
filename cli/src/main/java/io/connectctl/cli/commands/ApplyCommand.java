package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.bulk.Waits;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ApplySecretOptions;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.ManifestOptions;
import io.connectctl.cli.options.PruneOptions;
import io.connectctl.cli.options.WaitOptions;
import io.connectctl.cli.output.Views;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.cli.secrets.ApplySecrets;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apply -f FILE|DIR|- [--recursive] [--dry-run] [--prune --selector REGEX]}: creates the
 * connectors that do not exist and replaces the config of those whose config differs in the keys
 * the file manages (see {@link ConfigDiff}): keys the server adds by itself and masked secrets
 * never make a change, so applying the same files again sends nothing. Each connector goes to the
 * context it names ({@code --context} limits a run to one); secret references are resolved from the
 * environment or files; with {@code --prune}, connectors matching the selector that the files do
 * not declare are deleted. Everything is read, planned ({@link ApplyPlanner}, shared with {@code
 * diff}) and checked first; with {@code --dry-run} the plan is shown and nothing is changed. With
 * {@code --wait}, a connector created or configured that then fails is reported as such (the write
 * was made), with the failure. JSON: {@code [{name, context, vendor, kind: connector, action:
 * create|update|unchanged|delete, dryRun, changes:[{key, op, from, to}], ok, state, error}]}; in
 * table mode a summary line goes to stderr. Secrets the files declare ({@code secrets:}) are
 * written first, per context (see {@link ApplySecrets}); their values are read, and a missing
 * variable or file refused, before anything is sent.
 */
@Command(
    name = "apply",
    description =
        "Create, update (and with --prune delete) connectors from YAML/JSON files "
            + "(--dry-run shows the diff only).")
final class ApplyCommand extends BaseCommand {
  @Mixin ManifestOptions source;

  @Option(names = "--dry-run", description = "Show what would change; send no change.")
  boolean dryRun;

  @Option(
      names = "--initial-state",
      paramLabel = "STATE",
      description =
          "Create new connectors paused or stopped (paused|stopped); existing ones are left as they are.")
  String initialState;

  @Mixin PruneOptions prune;

  @Mixin WaitOptions waitOptions;

  @Mixin ApplySecretOptions secretOptions;

  @Mixin ContextSelection contexts;

  @Override
  public Integer call() {
    ConnectorState created = initialState();
    ContextFleet fleet = new ContextFleet(this, contexts);
    boolean explicitTarget =
        !root().targetFlags().context().isEmpty() || !root().targetFlags().vendor().isEmpty();
    if (created != ConnectorState.RUNNING && !fleet.several() && explicitTarget) {
      // one target named on the command line: refuse before reading any file
      io.connectctl.cli.vendors.VendorDescriptions.of(target().vendor())
          .capabilities()
          .require(Capability.INITIAL_STATE);
    }
    List<Manifest> manifests = source.read(this);
    Optional<Pattern> selector = prune.selector();
    Optional<Duration> wait = waitOptions.waitFor();
    List<ApplyPlanner.Group> groups =
        ApplyPlanner.groups(
            this, manifests, fleet.several() ? fleet.contexts() : List.of(), selector.isPresent());
    if (created != ConnectorState.RUNNING) {
      groups.forEach(
          g ->
              io.connectctl.cli.vendors.VendorDescriptions.of(g.target().vendor())
                  .capabilities()
                  .require(Capability.INITIAL_STATE));
    }
    Map<String, ApplySecrets> secrets = ApplySecrets.of(this, groups);
    ApplyPlanner.Result planned = ApplyPlanner.plan(this, groups, selector, fleet);
    List<Integer> codes = new ArrayList<>();
    planned.failed().forEach(f -> codes.add(fail(f.outcome())));
    checkSendable(planned.plans());
    // The contexts of which nothing could be read are left alone from here on.
    List<ApplyPlanner.Group> reached =
        groups.stream().filter(g -> planned.reached(g.target())).toList();
    for (ApplyPlanner.Group group : reached) {
      List<ApplyPlanner.Plan> mine = ofTarget(planned.plans(), group.target());
      if (mine.stream().noneMatch(p -> p.action().writes())) {
        continue;
      }
      ConnectorClient client = clientFor(group.target());
      requireCapabilities(client, mine);
      if (created != ConnectorState.RUNNING
          && mine.stream().anyMatch(p -> p.action() == ApplyPlanner.Action.CREATE)) {
        client.capabilities().require(Capability.INITIAL_STATE);
      }
    }

    // The secrets go first: a connector may need them the moment it starts.
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean secretsFailed = false;
    for (ApplyPlanner.Group group : reached) {
      ApplySecrets.Outcome done =
          secrets
              .get(group.target().context())
              .apply(this, group.target(), dryRun, secretOptions.force());
      views.addAll(done.views());
      done.lines()
          .forEach(
              l -> lines.add(l + (groups.size() > 1 ? " [" + group.target().context() + "]" : "")));
      codes.addAll(done.codes());
      secretsFailed |= done.failed();
    }
    if (secretsFailed) {
      // A connector whose secret could not be written is left alone, and so are the others of this
      // run.
      printer().emit(views, out -> lines.forEach(out::println));
      return ExitCode.combine(codes);
    }

    Map<String, BulkResult.Item<Waits.Done>> outcomes = new LinkedHashMap<>();
    if (!dryRun) {
      var progress = progress();
      for (ApplyPlanner.Plan plan : planned.plans()) {
        progress.track(plan.target(), plan.name(), plan.action().id(), plan.action().pastTense());
        if (!plan.action().writes()) {
          progress.done(plan.target(), plan.name(), "");
        }
      }
      progress.summarizeAsApply();
      progress.output(printer(), err());
      // Each context's writes go concurrently with the others' (at most --parallel contexts at
      // once), a few at a time inside one context, as for one.
      Map<String, Map<String, ApplyPlanner.Plan>> writes = new LinkedHashMap<>();
      List<Target> writing = new ArrayList<>();
      for (ApplyPlanner.Group group : reached) {
        Map<String, ApplyPlanner.Plan> byName = new LinkedHashMap<>();
        ofTarget(planned.plans(), group.target()).stream()
            .filter(p -> p.action().writes())
            .forEach(p -> byName.put(p.name(), p));
        if (!byName.isEmpty()) {
          writes.put(group.target().context(), byName);
          writing.add(group.target());
        }
      }
      Function<Target, BulkResult<Waits.Done>> send =
          target -> {
            Map<String, ApplyPlanner.Plan> byName = writes.get(target.context());
            ConnectorClient client = clientFor(target);
            return Waits.run(
                this,
                target,
                List.copyOf(byName.keySet()),
                wait,
                name -> ApplyPlanner.send(client, byName.get(name), created));
          };
      List<ContextFleet.Outcome<BulkResult<Waits.Done>>> sent =
          writing.size() < 2
              ? writing.stream()
                  .map(
                      t ->
                          new ContextFleet.Outcome<>(
                              t.context(),
                              Optional.of(t),
                              Optional.of(send.apply(t)),
                              Optional.<Exception>empty()))
                  .toList()
              : fleet.run(writing, send);
      codes.addAll(fleet.report("apply", sent));
      for (ContextFleet.Outcome<BulkResult<Waits.Done>> one : sent) {
        one.value()
            .ifPresent(
                results ->
                    results
                        .items()
                        .forEach(
                            item -> outcomes.put(key(one.target().get(), item.connector()), item)));
      }
    }

    Map<ApplyPlanner.Action, Integer> counts = new EnumMap<>(ApplyPlanner.Action.class);
    int failedCount = planned.failed().size();
    for (ApplyPlanner.Plan plan : planned.plans()) {
      Target target = plan.target();
      String name = plan.name();
      Map<String, Object> view = Views.header(target, name);
      view.put("kind", "connector");
      view.put("action", plan.action().id());
      view.put("dryRun", dryRun);
      view.put("changes", plan.diff().changes().stream().map(c -> c.view(showSecrets())).toList());
      BulkResult.Item<Waits.Done> outcome = outcomes.get(key(target, name));
      Optional<Waits.Done> done = outcome == null ? Optional.empty() : outcome.value();
      if (outcome != null && outcome.error().isPresent()) {
        Failures.Outcome failure =
            Failures.of(verb(plan.action()), name, target, outcome.error().get());
        codes.add(fail(failure));
        failedCount++;
        view.put("ok", false);
        view.put("error", Changes.error(failure));
      } else if (done.isPresent() && done.get().waitFailure().isPresent()) {
        // The write was made: say so on stdout, then what the wait found.
        Failures.Outcome failure =
            Failures.afterChange(
                plan.action().pastTense(), name, target, done.get().waitFailure().get());
        codes.add(fail(failure));
        failedCount++;
        view.put("ok", false);
        view.put("error", Changes.error(failure));
        lines.add(
            "connector/"
                + name
                + " "
                + plan.action().pastTense()
                + ", then "
                + (failure.exitCode() == ExitCode.TIMEOUT ? "timed out waiting" : "failed"));
        plan.diff().changes().forEach(c -> lines.add("  " + c.line(showSecrets())));
      } else {
        codes.add(ExitCode.OK);
        counts.merge(plan.action(), 1, Integer::sum);
        view.put("ok", true);
        done.map(d -> d.change().note())
            .filter(n -> !n.isEmpty())
            .ifPresent(n -> view.put("note", n));
        Optional<ChangeResult> result = done.flatMap(Waits.Done::result);
        result.flatMap(ChangeResult::status).ifPresent(s -> view.put("state", s.state().name()));
        lines.add(
            "connector/"
                + name
                + " "
                + plan.action().pastTense()
                + (dryRun ? " (dry run)" : "")
                + done.map(d -> d.change().note())
                    .filter(n -> !n.isEmpty())
                    .map(n -> " (" + n + ")")
                    .orElse("")
                + (groups.size() > 1 ? " [" + target.context() + "]" : "")
                + result
                    .flatMap(ChangeResult::status)
                    .map(s -> " (now " + s.state() + ")")
                    .orElse(""));
        plan.diff().changes().forEach(c -> lines.add("  " + c.line(showSecrets())));
      }
      views.add(view);
    }
    int finalFailed = failedCount;
    progress()
        .finish(
            () -> {
              printer().emit(views, out -> lines.forEach(out::println));
              if (!printer().structured()) {
                err().println(summary(counts, finalFailed) + (dryRun ? " (dry run)" : ""));
              }
            });
    return ExitCode.combine(codes);
  }

  /** {@code 3 created, 1 updated, 2 unchanged, 1 deleted, 0 failed}. */
  static String summary(Map<ApplyPlanner.Action, Integer> counts, int failed) {
    return counts.getOrDefault(ApplyPlanner.Action.CREATE, 0)
        + " created, "
        + counts.getOrDefault(ApplyPlanner.Action.UPDATE, 0)
        + " updated, "
        + counts.getOrDefault(ApplyPlanner.Action.UNCHANGED, 0)
        + " unchanged, "
        + counts.getOrDefault(ApplyPlanner.Action.DELETE, 0)
        + " deleted, "
        + failed
        + " failed";
  }

  /**
   * Stops (exit 2) before anything is sent when a connector that would be sent holds a value that
   * cannot be sent: a reference that does not resolve, or a masked value the server does not show.
   */
  static void checkSendable(List<ApplyPlanner.Plan> plans) {
    List<String> problems = new ArrayList<>();
    for (ApplyPlanner.Plan plan : plans) {
      if (plan.action().writes()) {
        plan.problems()
            .forEach(
                p ->
                    problems.add(
                        "connector '"
                            + plan.name()
                            + "' in context '"
                            + plan.target().context()
                            + "': "
                            + p));
      }
    }
    if (!problems.isEmpty()) {
      throw io.connectctl.cli.CliException.usage(
          String.join("; ", problems) + " (nothing was sent)");
    }
  }

  /** Checks, before anything is sent, that the target's vendor offers what the plans need. */
  static void requireCapabilities(ConnectorClient client, List<ApplyPlanner.Plan> plans) {
    if (plans.stream().anyMatch(p -> p.action() == ApplyPlanner.Action.CREATE)) {
      client.capabilities().require(Capability.CREATE);
    }
    if (plans.stream().anyMatch(p -> p.action() == ApplyPlanner.Action.UPDATE)) {
      client.capabilities().require(Capability.UPDATE_CONFIG);
    }
    if (plans.stream().anyMatch(p -> p.action() == ApplyPlanner.Action.DELETE)) {
      client.capabilities().require(Capability.DELETE);
    }
  }

  static List<ApplyPlanner.Plan> ofTarget(List<ApplyPlanner.Plan> plans, Target target) {
    return plans.stream().filter(p -> p.target().context().equals(target.context())).toList();
  }

  /** {@code --initial-state}: RUNNING when absent. */
  private ConnectorState initialState() {
    if (initialState == null) {
      return ConnectorState.RUNNING;
    }
    return switch (initialState.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "paused" -> ConnectorState.PAUSED;
      case "stopped" -> ConnectorState.STOPPED;
      case "running" -> ConnectorState.RUNNING;
      default ->
          throw io.connectctl.cli.CliException.usage(
              "Invalid value for --initial-state: '"
                  + initialState
                  + "' (expected paused or stopped)");
    };
  }

  private static String key(Target target, String name) {
    return target.context() + "\u0000" + name;
  }

  private static String verb(ApplyPlanner.Action action) {
    return switch (action) {
      case CREATE -> "create";
      case UPDATE -> "update config of";
      case DELETE -> "delete";
      case UNCHANGED -> "read";
    };
  }
}
