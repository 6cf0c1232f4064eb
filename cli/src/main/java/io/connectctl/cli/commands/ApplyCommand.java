package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.cli.apply.DeclaredSecrets;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code apply -f FILE|DIR [--dry-run]}: creates the connectors that do not exist and replaces the config of those
 * whose config differs in the keys the file manages (see {@link ConfigDiff}): keys the server adds by itself and
 * masked secrets never make a change, so applying the same files again sends nothing. All files are read and
 * checked first; with {@code --dry-run} the diff is shown and nothing is changed. With {@code --wait}, a connector
 * created or configured that then fails is reported as such (the write was made), with the failure. JSON: {@code [{name, context, vendor, action: create|update|unchanged, dryRun, changes:[{key, op,
 * from, to}], ok, state, error}]}. Secrets declared in the files are written first (see {@link ApplySecrets}).
 */
@Command(name = "apply", description = "Create or update connectors from YAML/JSON files (--dry-run shows the diff only).")
final class ApplyCommand extends BaseCommand {
  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
      description = "A connector file ({name, config} or a list of them), or a directory of .yaml/.yml/.json files.")
  List<Path> files;

  @Option(names = "--dry-run", description = "Show what would change; send no change.")
  boolean dryRun;

  @Mixin
  WaitOptions waitOptions;

  @Mixin
  ApplySecretOptions secretOptions;

  private enum Action { CREATE, UPDATE, UNCHANGED }

  private record Plan(Manifest manifest, Action action, ConfigDiff diff) {}

  @Override
  public Integer call() {
    List<Manifest> manifests = Manifests.read(files);
    ApplySecrets secrets = new ApplySecrets(DeclaredSecrets.read(files, manifests, root().environment().env()));
    Optional<Duration> wait = waitOptions.waitFor();
    secrets.requireSupported(this);
    ConnectorClient client = client(Capability.GET);
    Target target = target();
    ApplySecrets.Outcome secretsDone = secrets.apply(this, client, dryRun, secretOptions.force);
    if (secretsDone.failed()) {
      printer().emit(secretsDone.views(), out -> secretsDone.lines().forEach(out::println));
      return ExitCode.combine(secretsDone.codes());
    }
    List<Integer> codes = new ArrayList<>(secretsDone.codes());
    List<Plan> plans = new ArrayList<>();
    for (Manifest manifest : manifests) {
      try {
        plans.add(plan(client, target, manifest));
      } catch (RuntimeException e) {
        codes.add(fail(Failures.of("read", manifest.name(), target, e)));
      }
    }
    if (plans.stream().anyMatch(p -> p.action() == Action.CREATE)) {
      client.capabilities().require(Capability.CREATE);
    }
    if (plans.stream().anyMatch(p -> p.action() == Action.UPDATE)) {
      client.capabilities().require(Capability.UPDATE_CONFIG);
    }
    Map<String, Plan> byName = new LinkedHashMap<>();
    plans.forEach(p -> byName.put(p.manifest().name(), p));
    List<String> toChange = plans.stream().filter(p -> p.action() != Action.UNCHANGED && !dryRun)
        .map(p -> p.manifest().name()).toList();
    BulkResult<Waits.Done> results = Waits.run(this, toChange, wait, name -> {
      Plan plan = byName.get(name);
      return plan.action() == Action.CREATE
          ? client.create(new ConnectorDefinition(name, plan.manifest().config()))
          : client.updateConfig(name, plan.manifest().config());
    });
    Map<String, BulkResult.Item<Waits.Done>> outcomes = new LinkedHashMap<>();
    results.items().forEach(item -> outcomes.put(item.connector(), item));

    List<Map<String, Object>> views = new ArrayList<>(secretsDone.views());
    List<String> lines = new ArrayList<>(secretsDone.lines());
    for (Plan plan : plans) {
      String name = plan.manifest().name();
      Map<String, Object> view = Views.header(target, name);
      view.put("action", plan.action().name().toLowerCase());
      view.put("dryRun", dryRun);
      view.put("changes", plan.diff().changes().stream().map(c -> c.view(showSecrets())).toList());
      BulkResult.Item<Waits.Done> outcome = outcomes.get(name);
      Optional<Waits.Done> done = outcome == null ? Optional.empty() : outcome.value();
      if (outcome != null && outcome.error().isPresent()) {
        Failures.Outcome failure = Failures.of(plan.action() == Action.CREATE ? "create" : "update config of",
            name, target, outcome.error().get());
        codes.add(fail(failure));
        view.put("ok", false);
        view.put("error", Changes.error(failure));
      } else if (done.isPresent() && done.get().waitFailure().isPresent()) {
        // The write was made: say so on stdout, then what the wait found.
        Failures.Outcome failure = Failures.afterChange(pastTense(plan.action()), name, target,
            done.get().waitFailure().get());
        codes.add(fail(failure));
        view.put("ok", false);
        view.put("error", Changes.error(failure));
        lines.add("connector/" + name + " " + pastTense(plan.action()) + ", then "
            + (failure.exitCode() == ExitCode.TIMEOUT ? "timed out waiting" : "failed"));
        plan.diff().changes().forEach(c -> lines.add("  " + c.line(showSecrets())));
      } else {
        codes.add(ExitCode.OK);
        view.put("ok", true);
        Optional<ChangeResult> result = done.flatMap(Waits.Done::result);
        result.flatMap(ChangeResult::status).ifPresent(s -> view.put("state", s.state().name()));
        lines.add("connector/" + name + " " + pastTense(plan.action()) + (dryRun ? " (dry run)" : "")
            + result.flatMap(ChangeResult::status).map(s -> " (now " + s.state() + ")").orElse(""));
        plan.diff().changes().forEach(c -> lines.add("  " + c.line(showSecrets())));
      }
      views.add(view);
    }
    printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }

  private static Plan plan(ConnectorClient client, Target target, Manifest manifest) {
    try {
      var current = client.getConnector(manifest.name());
      ConfigDiff diff = ConfigDiff.between(target.vendor(), manifest.name(), current.config(), manifest.config(),
          manifest.drop());
      return new Plan(manifest, diff.isEmpty() ? Action.UNCHANGED : Action.UPDATE, diff);
    } catch (NotFoundException e) {
      return new Plan(manifest, Action.CREATE, ConfigDiff.creation(manifest.config()));
    }
  }

  private static String pastTense(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "configured";
      case UNCHANGED -> "unchanged";
    };
  }
}
