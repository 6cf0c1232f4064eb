package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.options.ManifestOptions;
import io.connectctl.cli.options.PruneOptions;
import io.connectctl.cli.output.Views;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.cli.secrets.ApplySecrets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code diff -f FILE|DIR|- [--recursive] [--prune --selector REGEX]}: what {@code apply} would
 * change, from the same plan ({@link ApplyPlanner}), so the two never disagree. Exit 0 when nothing
 * would change, 1 when something would, 2 on bad input (including a connector apply would refuse to
 * send); other failures keep their codes. JSON: {@code [{name, context, vendor, kind: connector,
 * action: create|update|unchanged|delete, changes:[{key, op, from, to}]}]}. Secrets the files
 * declare come first ({@code {name, context, vendor, kind: secret, action, keys, ok}}, lines {@code
 * + secret/NAME (create)}, {@code ~ secret/NAME (update)}), planned as {@code apply --dry-run}
 * plans them (see {@link ApplySecrets}); one to create or update counts as a change. Values never
 * appear.
 */
@Command(
    name = "diff",
    description =
        "Show what 'apply -f' would change. Exit 0: nothing, 1: something would "
            + "change, 2: bad input, 3: authentication, 4: not found, 6: the API failed, so "
            + "nothing was compared.")
final class DiffCommand extends BaseCommand implements ExitCode.Comparison {
  /** Exit code when something would change. */
  static final int DIFFERENT = 1;

  @Mixin ManifestOptions source;

  @Mixin PruneOptions prune;

  @Mixin ContextSelection contexts;

  @Override
  public Integer call() {
    List<Manifest> manifests = source.read(this);
    var selector = prune.selector();
    ContextFleet fleet = new ContextFleet(this, contexts);
    List<ApplyPlanner.Group> groups =
        ApplyPlanner.groups(
            this, manifests, fleet.several() ? fleet.contexts() : List.of(), selector.isPresent());
    Map<String, ApplySecrets> secrets = ApplySecrets.of(this, groups);
    ApplyPlanner.Result planned = ApplyPlanner.plan(this, groups, selector, fleet);
    List<Integer> codes = new ArrayList<>();
    planned.failed().forEach(f -> codes.add(fail(f.outcome())));

    Map<ApplyPlanner.Action, Integer> counts = new EnumMap<>(ApplyPlanner.Action.class);
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean secretChanges = false;
    Map<String, Integer> secretCounts = new java.util.TreeMap<>();
    for (ApplyPlanner.Group group : groups) {
      if (!planned.reached(group.target())) {
        continue;
      }
      ApplySecrets.Outcome done =
          secrets.get(group.target().context()).apply(this, group.target(), true, false);
      codes.addAll(done.codes());
      for (Map<String, Object> secret : done.views()) {
        Map<String, Object> view = new java.util.LinkedHashMap<>(secret);
        view.remove("dryRun");
        views.add(view);
        Object action = view.get("action");
        if (Boolean.TRUE.equals(view.get("ok")) && action != null) {
          secretCounts.merge(String.valueOf(action), 1, Integer::sum);
        }
        if (Boolean.TRUE.equals(view.get("ok"))
            && ("create".equals(action) || "update".equals(action))) {
          secretChanges = true;
          lines.add(
              ("create".equals(action) ? "+" : "~")
                  + " secret/"
                  + view.get("name")
                  + " ("
                  + action
                  + ")"
                  + (groups.size() > 1 ? " [" + group.target().context() + "]" : ""));
        }
      }
    }
    for (ApplyPlanner.Plan plan : planned.plans()) {
      counts.merge(plan.action(), 1, Integer::sum);
      Map<String, Object> view = Views.header(plan.target(), plan.name());
      view.put("kind", "connector");
      view.put("action", plan.action().id());
      view.put("changes", plan.diff().changes().stream().map(c -> c.view(showSecrets())).toList());
      views.add(view);
      if (plan.action().writes()) {
        String mark =
            switch (plan.action()) {
              case CREATE -> "+";
              case DELETE -> "-";
              default -> "~";
            };
        lines.add(
            mark
                + " connector/"
                + plan.name()
                + " ("
                + plan.action().id()
                + ")"
                + (groups.size() > 1 ? " [" + plan.target().context() + "]" : ""));
        plan.diff().changes().forEach(c -> lines.add("    " + c.line(showSecrets())));
      }
    }
    printer().emit(views, out -> lines.forEach(out::println));
    if (!printer().structured()) {
      err()
          .println(
              counts.getOrDefault(ApplyPlanner.Action.CREATE, 0)
                  + " to create, "
                  + counts.getOrDefault(ApplyPlanner.Action.UPDATE, 0)
                  + " to update, "
                  + counts.getOrDefault(ApplyPlanner.Action.UNCHANGED, 0)
                  + " unchanged, "
                  + counts.getOrDefault(ApplyPlanner.Action.DELETE, 0)
                  + " to delete"
                  + (secretCounts.isEmpty()
                      ? ""
                      : "; secrets: "
                          + secretCounts.getOrDefault("create", 0)
                          + " to create, "
                          + secretCounts.getOrDefault("update", 0)
                          + " to update, "
                          + secretCounts.getOrDefault("unchanged", 0)
                          + " unchanged")
                  + (planned.failed().isEmpty() ? "" : ", " + planned.failed().size() + " failed"));
    }
    for (ApplyPlanner.Plan plan : planned.plans()) {
      if (plan.action().writes() && !plan.problems().isEmpty()) {
        plan.problems()
            .forEach(
                p ->
                    err()
                        .println(
                            "error: apply would refuse connector '"
                                + plan.name()
                                + "' in context '"
                                + plan.target().context()
                                + "': "
                                + p));
        codes.add(ExitCode.USAGE);
      }
    }
    int failure = ExitCode.forComparison(ExitCode.combine(codes));
    if (failure != ExitCode.OK) {
      return failure;
    }
    return secretChanges || planned.plans().stream().anyMatch(p -> p.action().writes())
        ? DIFFERENT
        : ExitCode.OK;
  }
}
