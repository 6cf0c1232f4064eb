package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.move.MappingFiles;
import io.connectctl.cli.move.MigrationStates;
import io.connectctl.cli.move.PlanView;
import io.connectctl.cli.move.Renames;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.options.TimeoutOption;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.move.ConfigTranslator;
import io.connectctl.facade.move.Migration;
import io.connectctl.facade.move.MigrationJournal;
import io.connectctl.facade.move.MigrationOptions;
import io.connectctl.facade.move.MigrationPlan;
import io.connectctl.facade.move.MigrationStep;
import io.connectctl.facade.move.SourceAfter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate NAME… --from CTX --to CTX}: moves connectors between two contexts, offsets
 * included where both sides can express them. The plan is printed first; the steps are the facade's
 * {@link Migration}, recorded in a state file ({@link MigrationStates}) so a re-run continues and
 * {@code --rollback} puts the source back.
 */
@Command(
    name = "migrate",
    description =
        "Move connectors from one context to another (plan first; stop source, carry offsets, "
            + "create target stopped, resume it, leave the source as asked).")
final class MigrateCommand extends WriteCommand {
  @Mixin NameSelection selection;

  @Option(names = "--from", required = true, paramLabel = "CTX", description = "Source context.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "CTX", description = "Target context.")
  String to;

  @Option(
      names = "--rename",
      paramLabel = "OLD=NEW",
      description = "Create connector OLD as NEW in the target (repeatable).")
  List<String> renames = new ArrayList<>();

  @Option(
      names = "--source-after",
      paramLabel = "STATE",
      defaultValue = "stopped",
      description =
          "What to do with the source at the end: stopped, paused or deleted (default ${DEFAULT-VALUE}).")
  String sourceAfter;

  @Option(
      names = "--without-offsets",
      description = "Go ahead without carrying offsets (required when they cannot be carried).")
  boolean withoutOffsets;

  @Option(
      names = "--rollback",
      description =
          "Put the source back: delete the target if the migration created it, resume the source.")
  boolean rollback;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description =
          "A dialect mapping file (class names and key renames), tried before the built-in one "
              + "(repeatable).")
  List<java.nio.file.Path> mappings = new ArrayList<>();

  @Mixin TimeoutOption timeoutOption;

  @Override
  public Integer call() {
    selection.check();
    SourceAfter after = sourceAfter();
    Map<String, String> rename = Renames.parse(renames);
    java.time.Duration timeout = timeoutOption.value();
    if (from.equals(to)) {
      throw CliException.usage("--from and --to name the same context '" + from + "'");
    }
    ConfigTranslator translator = translator();
    Target source = config().context(from);
    Target target = config().context(to);
    ConnectorClient sourceClient = clientFor(source, Capability.GET, Capability.STATUS);
    ConnectorClient targetClient = clientFor(target, Capability.CREATE, Capability.STATUS);
    List<String> names = selection.resolve(sourceClient);
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    PrintStream out =
        printer().structured() ? new PrintStream(java.io.OutputStream.nullOutputStream()) : out();
    for (String name : names) {
      String targetName = rename.getOrDefault(name, name);
      MigrationJournal journal =
          MigrationJournal.at(
              MigrationStates.file(environment().env(), environment().home(), from, to, name));
      if (rollback) {
        codes.add(
            rollback(out, sourceClient, targetClient, name, targetName, journal, timeout, source));
        continue;
      }
      MigrationPlan plan;
      try {
        plan =
            Migration.plan(
                sourceClient,
                from,
                targetClient,
                to,
                name,
                MigrationOptions.defaults()
                    .withTargetName(targetName)
                    .withSourceAfter(after)
                    .withWithoutOffsets(withoutOffsets)
                    .withTimeout(timeout)
                    .withTranslator(translator));
      } catch (IllegalArgumentException e) {
        codes.add(
            fail(
                Failures.of(
                    "plan the migration of", name, source, CliException.usage(e.getMessage()))));
        continue;
      } catch (RuntimeException e) {
        codes.add(fail(Failures.of("plan the migration of", name, source, e)));
        continue;
      }
      PlanView.print(out, plan, showSecrets());
      List<Migration.StepReport> steps = new ArrayList<>();
      Map<String, Object> view = PlanView.view(plan, steps, showSecrets());
      view.put("dryRun", dryRun());
      views.add(view);
      if (!plan.runnable()) {
        codes.add(
            fail(
                Failures.of(
                    "migrate",
                    name,
                    source,
                    CliException.usage(
                        String.join("; ", plan.blockers()) + " (--without-offsets)"))));
        continue;
      }
      if (dryRun()) {
        out.println("  (dry run: nothing changed)");
        codes.add(ExitCode.OK);
        continue;
      }
      Map<String, String> secrets = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String key : plan.secretsNeeded()) {
        String variable = PlanView.variable(plan, key);
        String value = environment().env().get(variable);
        if (value == null || value.isEmpty()) {
          missing.add(key + " (set " + variable + ")");
        } else {
          secrets.put(key, value);
        }
      }
      if (!missing.isEmpty()) {
        codes.add(
            fail(
                Failures.of(
                    "migrate",
                    name,
                    source,
                    CliException.usage(
                        "the source shows these secret values masked; provide them: "
                            + String.join(", ", missing)))));
        continue;
      }
      Migration.Listener listener =
          new Migration.Listener() {
            @Override
            public void finished(MigrationStep step, String detail) {
              out.println("  step " + step.label() + ": " + detail);
            }

            @Override
            public void skipped(MigrationStep step) {
              out.println("  step " + step.label() + ": done in an earlier run");
            }
          };
      try {
        Migration.Result result =
            Migration.run(plan, sourceClient, targetClient, secrets, journal, timeout, listener);
        views.set(views.size() - 1, PlanView.view(plan, result.steps(), showSecrets()));
        views.get(views.size() - 1).put("ok", true);
        out.println("connector/" + name + " migrated to context " + to + " as " + targetName);
        codes.add(ExitCode.OK);
      } catch (RuntimeException e) {
        views.get(views.size() - 1).put("ok", false);
        codes.add(fail(Failures.of("migrate", name, target, e)));
        err()
            .println(
                "  the migration stopped; run the same command again to continue, or add --rollback"
                    + " to put the source back (state: "
                    + journal.file().map(Object::toString).orElse("")
                    + ")");
      }
    }
    if (printer().structured()) {
      printer().emit(views, o -> {});
    }
    codes.add(ExitCode.OK);
    return ExitCode.combine(codes);
  }

  /** The translator: the --mapping files, then the built-in mappings. */
  ConfigTranslator translator() {
    return MappingFiles.translator(mappings);
  }

  private int rollback(
      PrintStream out,
      ConnectorClient sourceClient,
      ConnectorClient targetClient,
      String name,
      String targetName,
      MigrationJournal journal,
      java.time.Duration timeout,
      Target source) {
    if (dryRun()) {
      out.println(
          "rollback of connector/"
              + name
              + ": would "
              + (journal.targetCreateSent() ? "delete target " + targetName + " and " : "")
              + "resume the source (dry run)");
      return ExitCode.OK;
    }
    try {
      for (String line :
          Migration.rollback(sourceClient, name, targetClient, targetName, journal, timeout)) {
        out.println("rollback of connector/" + name + ": " + line);
      }
      return ExitCode.OK;
    } catch (RuntimeException e) {
      return fail(Failures.of("roll back the migration of", name, source, e));
    }
  }

  private SourceAfter sourceAfter() {
    try {
      return SourceAfter.valueOf(sourceAfter.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "Invalid value for --source-after: '"
              + sourceAfter
              + "' (expected stopped, paused or deleted)");
    }
  }
}
