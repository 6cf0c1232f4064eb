package io.connectctl.cli.plan;

import io.connectctl.cli.CliException;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.apply.References;
import io.connectctl.cli.bulk.CompletedRequest;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.config.TargetResolver;
import io.connectctl.cli.fleet.ContextFleet;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.errors.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code apply} would do, worked out once for {@code apply}, {@code apply --dry-run} and
 * {@code diff}, so the three can never disagree: which context each connector goes to, and per
 * connector whether it is created, updated (key by key, see {@link ConfigDiff}), left unchanged or,
 * with {@code --prune}, deleted.
 *
 * <p>Secret references ({@link References}) are resolved here: a value compares as what it resolves
 * to, and is shown as written. A value that cannot be compared (masked, or a reference that does
 * not resolve) is not a difference; a connector that would be sent with such a value is a problem
 * (exit 2) found before anything is sent, and so is a config the vendor's client-side checks refuse
 * ({@link ClientChecks}): a dry run and a diff refuse what {@code apply} would refuse.
 */
public final class ApplyPlanner {
  /** What happens to one connector. */
  public enum Action {
    CREATE("created", "to create"),
    UPDATE("configured", "to update"),
    UNCHANGED("unchanged", "unchanged"),
    DELETE("deleted", "to delete");

    final String pastTense;
    final String planned;

    Action(String pastTense, String planned) {
      this.pastTense = pastTense;
      this.planned = planned;
    }

    /** The verb of a result line ({@code created}, {@code configured} …). */
    public String pastTense() {
      return pastTense;
    }

    /** The verb of a plan line ({@code to create} …). */
    public String planned() {
      return planned;
    }

    /** The {@code action} of JSON results. */
    public String id() {
      return name().toLowerCase();
    }

    public boolean writes() {
      return this != UNCHANGED;
    }
  }

  /** The connectors of the files that go to one target. */
  public record Group(Target target, List<Manifest> manifests) {}

  /**
   * One connector's plan.
   *
   * @param target where it lives
   * @param name the connector
   * @param action what happens
   * @param diff the changes, values as written in the file (references unresolved)
   * @param manifest the file's connector; empty for a deletion
   * @param send the config to send (references resolved) for a creation or update
   * @param problems why it cannot be sent (unset reference, masked value with nothing to keep);
   *     empty when it can
   */
  public record Plan(
      Target target,
      String name,
      Action action,
      ConfigDiff diff,
      Optional<Manifest> manifest,
      Map<String, String> send,
      List<String> problems) {}

  /** A connector whose plan could not be made (the read failed). */
  public record Failed(Target target, String name, String verb, Failures.Outcome outcome) {}

  /**
   * Every plan and every failure, in file order (deletions after each target's connectors).
   *
   * @param plans the plans
   * @param failed the reads (or listings) that failed
   * @param unreached the contexts of which nothing could be read (one failure stands for them), so
   *     that nothing more is tried there
   */
  public record Result(List<Plan> plans, List<Failed> failed, Set<String> unreached) {
    public Result(List<Plan> plans, List<Failed> failed) {
      this(plans, failed, Set.of());
    }

    /** Whether anything of {@code target}'s context could be read. */
    public boolean reached(Target target) {
      return !unreached.contains(target.context());
    }
  }

  private ApplyPlanner() {}

  /**
   * Assigns each connector to its target. With {@code --context} or {@code --vendor} the run is
   * limited to that one target: connectors naming another context are skipped (said on stderr), and
   * it is an error when that leaves none. Otherwise each connector goes to the context it names, or
   * to the current context. A {@code vendor} key must match its target's vendor.
   */
  public static List<Group> groups(CommandRun command, List<Manifest> manifests) {
    return groups(command, manifests, List.of(), false);
  }

  /**
   * As {@link #groups(CommandRun, List)}, for a run that may span contexts chosen by {@code
   * --all-contexts}, {@code --contexts} or {@code --context-selector} ({@code selected}, in the
   * config file's order; empty without those flags). With a selection, a connector naming a context
   * goes there when it is selected (and is skipped otherwise), and a connector naming none goes to
   * every selected context. With {@code prune}, every context the run is limited to ({@code
   * --context} or the selection) is a group even when no file names it, so that its connectors can
   * be pruned once the last file for it is gone. Groups come in the config file's order of their
   * contexts.
   */
  public static List<Group> groups(
      CommandRun command, List<Manifest> manifests, List<String> selected, boolean prune) {
    TargetFlags flags = command.targetFlags();
    boolean chosen = !selected.isEmpty();
    boolean limited = !chosen && (!flags.context().isEmpty() || !flags.vendor().isEmpty());
    Map<String, Target> targets = new LinkedHashMap<>();
    Map<String, List<Manifest>> members = new LinkedHashMap<>();
    Set<String> skippedContexts = new TreeSet<>();
    int skipped = 0;
    for (Manifest manifest : manifests) {
      if (manifest.context().equals(Target.AD_HOC) && !limited) {
        throw CliException.usage(
            Manifests.name(manifest.source())
                + ": connector '"
                + manifest.name()
                + "' names context '"
                + Target.AD_HOC
                + "' (a target given by flags): give --vendor and its flags, "
                + "or name a context of the config file");
      }
      String about = Manifests.name(manifest.source()) + ": connector '" + manifest.name() + "': ";
      List<Target> into = new ArrayList<>();
      if (chosen) {
        List<String> contexts =
            manifest.context().isEmpty()
                ? selected
                : selected.contains(manifest.context()) ? List.of(manifest.context()) : List.of();
        for (String context : contexts) {
          into.add(targets.computeIfAbsent(context, c -> resolve(command, flags, c, about)));
        }
      } else if (limited || manifest.context().isEmpty()) {
        Target target = command.target();
        if (manifest.context().isEmpty() || manifest.context().equals(target.context())) {
          into.add(target);
        }
      } else {
        into.add(
            targets.computeIfAbsent(manifest.context(), c -> resolve(command, flags, c, about)));
      }
      if (into.isEmpty()) {
        skippedContexts.add(manifest.context());
        skipped++;
        continue;
      }
      for (Target target : into) {
        add(targets, members, target, manifest);
      }
    }
    if (prune && (chosen || limited)) {
      for (String context : chosen ? selected : List.of(command.target().context())) {
        Target target =
            targets.computeIfAbsent(
                context,
                c ->
                    chosen
                        ? resolve(command, flags, c, "--prune in context '" + c + "': ")
                        : command.target());
        members.computeIfAbsent(target.context(), c -> new ArrayList<>());
      }
    }
    java.util.function.Supplier<String> limit =
        () ->
            chosen
                ? "contexts " + String.join(", ", selected)
                : "context '" + command.target().context() + "'";
    if (members.isEmpty()) {
      throw CliException.usage(
          "None of the connectors in the files is for "
              + limit.get()
              + " (they name "
              + String.join(", ", skippedContexts.stream().map(c -> "'" + c + "'").toList())
              + "); "
              + (chosen
                  ? "--all-contexts, --contexts and --context-selector limit a run to the "
                      + "contexts they choose"
                  : "--context and --vendor limit a run to one target"));
    }
    if (skipped > 0) {
      command
          .err()
          .println(
              "skipped "
                  + skipped
                  + " connector"
                  + (skipped == 1 ? "" : "s")
                  + " of context"
                  + (skippedContexts.size() == 1 ? " " : "s ")
                  + String.join(", ", skippedContexts)
                  + " (this run is limited to "
                  + limit.get()
                  + ")");
    }
    List<String> order = new ArrayList<>(members.keySet());
    if (order.size() > 1) {
      List<String> known = List.copyOf(command.config().contexts().keySet());
      order.sort(
          java.util.Comparator.comparingInt(
              c -> known.contains(c) ? known.indexOf(c) : Integer.MAX_VALUE));
    }
    List<Group> groups = new ArrayList<>();
    order.forEach(
        context -> groups.add(new Group(targets.get(context), List.copyOf(members.get(context)))));
    return groups;
  }

  /**
   * Adds {@code manifest} to its target's members; the same name twice in a context is an error.
   */
  private static void add(
      Map<String, Target> targets,
      Map<String, List<Manifest>> members,
      Target target,
      Manifest manifest) {
    if (!manifest.vendor().isEmpty() && !manifest.vendor().equals(target.vendor().id())) {
      throw CliException.usage(
          Manifests.name(manifest.source())
              + ": connector '"
              + manifest.name()
              + "' names vendor '"
              + manifest.vendor()
              + "', but context '"
              + target.context()
              + "' is "
              + target.vendor().id());
    }
    targets.putIfAbsent(target.context(), target);
    List<Manifest> list = members.computeIfAbsent(target.context(), c -> new ArrayList<>());
    if (list.stream().anyMatch(m -> m.name().equals(manifest.name()))) {
      throw CliException.usage(
          Manifests.name(manifest.source())
              + ": connector '"
              + manifest.name()
              + "' is described twice for context '"
              + target.context()
              + "'");
    }
    list.add(manifest);
  }

  private static Target resolve(
      CommandRun command, TargetFlags flags, String context, String about) {
    TargetFlags forContext = new TargetFlags(context, "", flags.keys());
    try {
      return TargetResolver.resolve(forContext, command::config);
    } catch (CliException e) {
      throw CliException.usage(about + e.getMessage());
    }
  }

  /** Compiles {@code --selector} for {@code --prune}; both or neither must be given. */
  public static Optional<Pattern> pruneSelector(boolean prune, String selector) {
    if (!prune) {
      if (selector != null) {
        throw CliException.usage(
            "--selector is for --prune: it names the connectors --prune may delete");
      }
      return Optional.empty();
    }
    if (selector == null || selector.isEmpty()) {
      throw CliException.usage(
          "--prune needs --selector REGEX: only connectors whose names match it and that the "
              + "files do not declare are deleted");
    }
    return Optional.of(NameSelection.compile(selector));
  }

  /**
   * Reads every connector the files name and, with {@code prune}, lists each target's connectors,
   * and works out the plans. Nothing is sent.
   */
  public static Result plan(CommandRun command, List<Group> groups, Optional<Pattern> prune) {
    List<Plan> plans = new ArrayList<>();
    List<Failed> failed = new ArrayList<>();
    for (Group group : groups) {
      Result one = plan(command, group, prune);
      plans.addAll(one.plans());
      failed.addAll(one.failed());
    }
    return new Result(plans, failed);
  }

  /**
   * As {@link #plan(CommandRun, List, Optional)}, with the contexts planned concurrently through
   * {@code fleet} (at most {@code --parallel} at once; inside a context the reads are bounded as
   * for one). The result keeps the groups' order whatever order the contexts answer in. When
   * several contexts are planned, a context of which nothing could be read (its client could not be
   * made, or every read failed: refused, unauthorized, timed out) is one failure naming the
   * context, and is {@linkplain Result#reached(Target) not reached}; the others are planned as
   * usual.
   */
  public static Result plan(
      CommandRun command, List<Group> groups, Optional<Pattern> prune, ContextFleet fleet) {
    if (groups.size() < 2) {
      return plan(command, groups, prune);
    }
    Map<String, Group> byContext = new LinkedHashMap<>();
    groups.forEach(g -> byContext.put(g.target().context(), g));
    List<ContextFleet.Outcome<Result>> outcomes =
        fleet.run(
            groups.stream().map(Group::target).toList(),
            target -> plan(command, byContext.get(target.context()), prune));
    List<Plan> plans = new ArrayList<>();
    List<Failed> failed = new ArrayList<>();
    Set<String> unreached = new LinkedHashSet<>();
    for (int i = 0; i < outcomes.size(); i++) {
      ContextFleet.Outcome<Result> outcome = outcomes.get(i);
      Target target = groups.get(i).target();
      Optional<Throwable> whole = outcome.error().map(e -> (Throwable) e);
      Result one = outcome.value().orElse(new Result(List.of(), List.of()));
      if (whole.isEmpty() && one.plans().isEmpty() && !one.failed().isEmpty()) {
        whole = Optional.of(one.failed().get(0).outcome().cause());
      }
      if (whole.isPresent()) {
        unreached.add(target.context());
        failed.add(
            new Failed(target, "", READ_ALL, Failures.of(READ_ALL, "", target, whole.get())));
      } else {
        plans.addAll(one.plans());
        failed.addAll(one.failed());
      }
    }
    return new Result(plans, failed, unreached);
  }

  /** The action of a context's failure line when nothing of it could be read. */
  private static final String READ_ALL = "read connectors";

  private static Result plan(CommandRun command, Group group, Optional<Pattern> prune) {
    List<Plan> plans = new ArrayList<>();
    List<Failed> failed = new ArrayList<>();
    Map<String, String> env = command.environment().env();
    java.nio.file.Path home = command.environment().home();
    Target target = group.target();
    ConnectorClient client =
        prune.isPresent()
            ? command.clientFor(target, Capability.GET, Capability.LIST)
            : command.clientFor(target, Capability.GET);
    // The connectors are read a few at a time; plans keep the files' order.
    Map<String, Manifest> byName = new LinkedHashMap<>();
    Map<String, References.Resolution> resolutions = new LinkedHashMap<>();
    for (Manifest manifest : group.manifests()) {
      byName.put(manifest.name(), manifest);
      resolutions.put(
          manifest.name(), References.resolve(manifest.config(), env, home, manifest.source()));
    }
    // in as few requests as the vendor allows (a worker's listing for many names)
    BulkResult<Connector> read = client.getConnectors(byName.keySet());
    for (BulkResult.Item<Connector> item : read.items()) {
      String name = item.connector();
      Optional<Exception> error = item.error().map(e -> e);
      if (error.isEmpty() || error.get() instanceof NotFoundException) {
        try {
          plans.add(plan(target, byName.get(name), resolutions.get(name), item.value()));
          continue;
        } catch (RuntimeException e) {
          error = Optional.of(e);
        }
      }
      failed.add(new Failed(target, name, "read", Failures.of("read", name, target, error.get())));
    }
    if (prune.isPresent()) {
      Set<String> declared = new LinkedHashSet<>();
      group.manifests().forEach(m -> declared.add(m.name()));
      try {
        for (ConnectorListing listing : client.listConnectors()) {
          if (prune.get().matcher(listing.name()).find() && !declared.contains(listing.name())) {
            plans.add(
                new Plan(
                    target,
                    listing.name(),
                    Action.DELETE,
                    new ConfigDiff(List.of()),
                    Optional.empty(),
                    Map.of(),
                    List.of()));
          }
        }
      } catch (RuntimeException e) {
        failed.add(
            new Failed(
                target,
                "",
                "list connectors for --prune",
                Failures.of("list connectors for --prune", "", target, e)));
      }
    }
    return new Result(plans, failed);
  }

  /** The plan of one manifest against {@code found}, the connector as read (empty: none). */
  private static Plan plan(
      Target target, Manifest manifest, References.Resolution resolved, Optional<Connector> found) {
    Map<String, String> comparable = new LinkedHashMap<>();
    resolved
        .config()
        .forEach(
            (key, value) -> {
              if (!References.isMask(value) && !resolved.unresolved().containsKey(key)) {
                comparable.put(key, value);
              }
            });
    if (found.isEmpty()) {
      List<String> problems = new ArrayList<>();
      resolved.unresolved().forEach((key, why) -> problems.add("config key '" + key + "': " + why));
      resolved
          .config()
          .forEach(
              (key, value) -> {
                if (References.isMask(value)) {
                  problems.add(
                      "config key '"
                          + key
                          + "' is masked ("
                          + value
                          + ") and the connector does not exist yet: "
                          + "write its value, or a reference such as "
                          + References.envReference(manifest.name(), key));
                }
              });
      if (problems.isEmpty()) {
        problems.addAll(ClientChecks.problems(target, manifest.name(), resolved.config()));
      }
      return new Plan(
          target,
          manifest.name(),
          Action.CREATE,
          ConfigDiff.creation(manifest.config()),
          Optional.of(manifest),
          resolved.config(),
          problems);
    }
    Connector current = found.get();
    ConfigDiff diff =
        ConfigDiff.between(
            target.vendor(), manifest.name(), current.config(), comparable, manifest.drop());
    diff = asWritten(diff, manifest.config());
    if (diff.isEmpty()) {
      return new Plan(
          target,
          manifest.name(),
          Action.UNCHANGED,
          diff,
          Optional.of(manifest),
          Map.of(),
          List.of());
    }
    List<String> problems = new ArrayList<>();
    resolved.unresolved().forEach((key, why) -> problems.add("config key '" + key + "': " + why));
    Map<String, String> send = new LinkedHashMap<>();
    resolved
        .config()
        .forEach(
            (key, value) -> {
              if (!References.isMask(value)) {
                send.put(key, value);
                return;
              }
              // A masked value in the file means "keep what the connector has": possible only when
              // the server shows it.
              String have = current.config().get(key);
              if (have != null && !References.isMask(have)) {
                send.put(key, have);
              } else {
                problems.add(
                    "config key '"
                        + key
                        + "' is masked ("
                        + value
                        + ") and the server does not show its value, "
                        + "so it cannot be sent back: write its value, or a reference such as "
                        + References.envReference(manifest.name(), key));
              }
            });
    if (problems.isEmpty()) {
      problems.addAll(ClientChecks.problems(target, manifest.name(), send));
    }
    return new Plan(
        target, manifest.name(), Action.UPDATE, diff, Optional.of(manifest), send, problems);
  }

  /**
   * Sends one plan's write (create, config update or delete) and returns the change under way;
   * {@code apply} and {@code reconcile} both write through here. A creation starts the connector in
   * {@code created}.
   */
  public static PendingChange send(ConnectorClient client, Plan plan, ConnectorState created) {
    return switch (plan.action()) {
      case CREATE -> client.create(new ConnectorDefinition(plan.name(), plan.send()), created);
      case UPDATE -> client.updateConfig(plan.name(), plan.send());
      case DELETE -> {
        try {
          yield client.delete(plan.name());
        } catch (NotFoundException gone) {
          // Deleted meanwhile (another run, a person): what the plan wanted is done.
          yield new CompletedRequest(plan.name(), "deleted", "already gone");
        }
      }
      case UNCHANGED -> throw new IllegalStateException("nothing to send for " + plan.name());
    };
  }

  /**
   * The diff with each desired value shown as the file writes it (a reference, not what it resolves
   * to).
   */
  private static ConfigDiff asWritten(ConfigDiff diff, Map<String, String> written) {
    return new ConfigDiff(
        diff.changes().stream()
            .map(
                c ->
                    c.op() == ConfigDiff.Op.REMOVE
                        ? c
                        : new ConfigDiff.Change(
                            c.key(), c.op(), c.from(), written.getOrDefault(c.key(), c.to())))
            .toList());
  }
}
