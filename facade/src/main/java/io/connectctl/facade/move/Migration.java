package io.connectctl.facade.move;

import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.UnexpectedResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves one connector from a source client to a target client: {@link #plan} decides (reading
 * only), {@link #run} carries the plan out step by step, each step idempotent and recorded in a
 * {@link MigrationJournal} so that a re-run after an interruption continues where it stopped, and
 * {@link #rollback} puts the source back.
 */
public final class Migration {
  private Migration() {}

  /** Told about each step as it happens. */
  public interface Listener {
    /** {@code step} is about to run. */
    default void starting(MigrationStep step) {}

    /** {@code step} ran; {@code detail} says what it did. */
    default void finished(MigrationStep step, String detail) {}

    /** {@code step} was recorded as done by an earlier run and is skipped. */
    default void skipped(MigrationStep step) {}
  }

  /**
   * How one step ended.
   *
   * @param step the step
   * @param alreadyDone whether an earlier run had done it
   * @param detail what it did
   */
  public record StepReport(MigrationStep step, boolean alreadyDone, String detail) {
    /** Validates. */
    public StepReport {
      Objects.requireNonNull(step, "step");
      detail = Objects.requireNonNullElse(detail, "");
    }
  }

  /**
   * A finished migration.
   *
   * @param plan the plan that ran
   * @param steps each step, in order
   */
  public record Result(MigrationPlan plan, List<StepReport> steps) {
    /** Copies. */
    public Result {
      Objects.requireNonNull(plan, "plan");
      steps = List.copyOf(steps);
    }
  }

  /**
   * Plans the migration of {@code name}: reads the source's definition and both vendors'
   * capabilities; sends no write.
   */
  public static MigrationPlan plan(
      ConnectorClient source,
      String fromContext,
      ConnectorClient target,
      String toContext,
      String name,
      MigrationOptions options) {
    Capabilities from = source.capabilities();
    Capabilities to = target.capabilities();
    from.require(Capability.GET);
    from.require(Capability.STATUS);
    to.require(Capability.CREATE);
    to.require(Capability.STATUS);
    if (!from.supports(Capability.STOP)) {
      from.require(Capability.PAUSE);
    }
    if (options.sourceAfter() == SourceAfter.PAUSED) {
      from.require(Capability.PAUSE);
    } else if (options.sourceAfter() == SourceAfter.DELETED) {
      from.require(Capability.DELETE);
    }
    Connector connector = source.getConnector(name);
    ConfigTranslator.Translation translation =
        options.translator().translate(source.vendor(), target.vendor(), connector.config());
    List<String> secrets = new ArrayList<>();
    translation
        .config()
        .forEach(
            (key, value) -> {
              if (Redaction.isMasked(value)) {
                secrets.add(key);
              }
            });
    String missing = offsetsMissing(from, to);
    MigrationPlan.Offsets offsets;
    List<String> blockers = new ArrayList<>();
    if (missing.isEmpty()) {
      offsets =
          options.withoutOffsets()
              ? MigrationPlan.Offsets.LEFT_BEHIND
              : MigrationPlan.Offsets.CARRIED;
    } else {
      offsets = MigrationPlan.Offsets.NOT_POSSIBLE;
      if (!options.withoutOffsets()) {
        blockers.add(
            "offsets cannot be carried ("
                + missing
                + "): the target would start from its own default position; "
                + "migrate without offsets to go ahead");
      }
    }
    // STOPPED only to write offsets before the first record; without offsets it starts at once
    ConnectorState initial =
        offsets == MigrationPlan.Offsets.CARRIED && to.supports(Capability.RESUME)
            ? ConnectorState.STOPPED
            : ConnectorState.RUNNING;
    String targetName = options.targetName().isEmpty() ? name : options.targetName();
    return new MigrationPlan(
        name,
        targetName,
        fromContext,
        source.vendor(),
        toContext,
        target.vendor(),
        translation.config(),
        secrets,
        translation.untranslated(),
        translation.notes(),
        offsets,
        missing,
        options.sourceAfter(),
        initial,
        blockers);
  }

  /** Why offsets cannot be carried between vendors with these capabilities; empty when they can. */
  private static String offsetsMissing(Capabilities from, Capabilities to) {
    List<String> missing = new ArrayList<>();
    if (!from.supports(Capability.OFFSETS)) {
      missing.add(from.vendor().id() + " has no API to read offsets");
    }
    if (!from.supports(Capability.STOP)) {
      missing.add(from.vendor().id() + " cannot stop a connector");
    }
    if (!to.supports(Capability.ALTER_OFFSETS) || !to.supports(Capability.OFFSETS)) {
      missing.add(to.vendor().id() + " has no API to write and read back offsets");
    }
    if (!to.supports(Capability.INITIAL_STATE)) {
      missing.add(to.vendor().id() + " cannot create a connector stopped");
    }
    return String.join("; ", missing);
  }

  /**
   * Runs {@code plan}: the steps the journal does not record as done, in order.
   *
   * @param secretValues a value for every key of {@link MigrationPlan#secretsNeeded()}
   * @throws InvalidRequestException before anything is sent when the plan has blockers or a secret
   *     value is missing
   */
  public static Result run(
      MigrationPlan plan,
      ConnectorClient source,
      ConnectorClient target,
      Map<String, String> secretValues,
      MigrationJournal journal,
      Duration timeout,
      Listener listener) {
    if (!plan.runnable()) {
      throw new InvalidRequestException(
          "Cannot migrate " + plan.connector() + ": " + String.join("; ", plan.blockers()),
          ErrorContext.of(target.vendor()),
          List.of());
    }
    Map<String, String> config = new LinkedHashMap<>(plan.config());
    List<String> unresolved = new ArrayList<>();
    for (String key : plan.secretsNeeded()) {
      String value = secretValues.get(key);
      if (value == null || Redaction.isMasked(value)) {
        unresolved.add(key);
      } else {
        config.put(key, value);
      }
    }
    if (!unresolved.isEmpty()) {
      throw new InvalidRequestException(
          "Cannot migrate "
              + plan.connector()
              + ": no value for the secret key(s) "
              + String.join(", ", unresolved)
              + " (the source only shows them masked)",
          ErrorContext.of(target.vendor()),
          List.of());
    }
    journal.note("connector", plan.connector());
    journal.note("target", plan.targetName());
    Run run = new Run(plan, source, target, config, journal, timeout);
    List<StepReport> reports = new ArrayList<>();
    for (MigrationStep step : plan.steps()) {
      if (journal.done(step)) {
        listener.skipped(step);
        reports.add(new StepReport(step, true, "done in an earlier run"));
        continue;
      }
      listener.starting(step);
      String detail = run.execute(step);
      journal.markDone(step);
      listener.finished(step, detail);
      reports.add(new StepReport(step, false, detail));
    }
    return new Result(plan, reports);
  }

  /**
   * Puts the source back: deletes the target when this migration created it (as the journal says),
   * resumes the source, and clears the journal. Returns what it did, one sentence each.
   */
  public static List<String> rollback(
      ConnectorClient source,
      String name,
      ConnectorClient target,
      String targetName,
      MigrationJournal journal,
      Duration timeout) {
    List<String> done = new ArrayList<>();
    if (journal.targetCreateSent()) {
      try {
        target.delete(targetName).await(timeout);
        done.add("deleted target " + targetName + " (created by the migration)");
      } catch (NotFoundException e) {
        done.add("target " + targetName + " is already gone");
      }
    } else {
      done.add("target " + targetName + " left alone (not created by the migration)");
    }
    ConnectorState state = source.status(name).state();
    if (state == ConnectorState.RUNNING) {
      done.add("source " + name + " already RUNNING");
    } else {
      source.resume(name).await(timeout);
      done.add("resumed source " + name);
    }
    journal.clear();
    return done;
  }

  /** One run's state: the clients, the resolved config, the offsets read. */
  private static final class Run {
    private final MigrationPlan plan;
    private final ConnectorClient source;
    private final ConnectorClient target;
    private final Map<String, String> config;
    private final MigrationJournal journal;
    private final Duration timeout;
    private List<ConnectorOffsets.PartitionOffset> offsets;

    Run(
        MigrationPlan plan,
        ConnectorClient source,
        ConnectorClient target,
        Map<String, String> config,
        MigrationJournal journal,
        Duration timeout) {
      this.plan = plan;
      this.source = source;
      this.target = target;
      this.config = config;
      this.journal = journal;
      this.timeout = timeout;
    }

    String execute(MigrationStep step) {
      String name = plan.connector();
      String targetName = plan.targetName();
      return switch (step) {
        case STOP_SOURCE -> stopSource(name);
        case READ_OFFSETS -> {
          offsets = source.offsets(name).offsets();
          yield offsets.size() + " partition(s) read";
        }
        case CREATE_TARGET -> createTarget(targetName);
        case WRITE_OFFSETS -> writeOffsets(name, targetName);
        case RESUME_TARGET -> {
          target.resume(targetName).await(timeout);
          yield "resumed";
        }
        case WAIT_RUNNING -> {
          target.waitFor(targetName, ConnectorState.RUNNING).await(timeout);
          yield "RUNNING";
        }
        case LEAVE_SOURCE -> leaveSource(name);
      };
    }

    private String stopSource(String name) {
      boolean stop = source.capabilities().supports(Capability.STOP);
      ConnectorState goal = stop ? ConnectorState.STOPPED : ConnectorState.PAUSED;
      if (source.status(name).state() == goal) {
        return "already " + goal;
      }
      (stop ? source.stop(name) : source.pause(name)).await(timeout);
      return goal.name();
    }

    private String createTarget(String targetName) {
      boolean exists;
      try {
        target.status(targetName);
        exists = true;
      } catch (NotFoundException e) {
        exists = false;
      }
      if (exists) {
        if (journal.targetCreateSent()) {
          return "already created";
        }
        throw new ConflictException(
            "Connector "
                + targetName
                + " already exists in the target and was not created by this migration",
            ErrorContext.of(target.vendor()),
            null);
      }
      journal.markTargetCreateSent();
      target
          .create(new ConnectorDefinition(targetName, config), plan.targetInitialState())
          .await(timeout);
      return "created " + plan.targetInitialState();
    }

    private String writeOffsets(String name, String targetName) {
      if (offsets == null) {
        offsets = source.offsets(name).offsets();
      }
      if (offsets.isEmpty()) {
        return "the source has no committed offsets";
      }
      target.alterOffsets(targetName, offsets).await(timeout);
      List<String> differences = OffsetRestore.readBack(target, targetName, offsets);
      if (!differences.isEmpty()) {
        throw new UnexpectedResponseException(
            "Offsets read back from "
                + targetName
                + " differ from those written: "
                + String.join("; ", differences),
            target.vendor(),
            null);
      }
      return offsets.size() + " partition(s) written and read back";
    }

    private String leaveSource(String name) {
      switch (plan.sourceAfter()) {
        case PAUSED -> {
          if (source.status(name).state() != ConnectorState.PAUSED) {
            source.pause(name).await(timeout);
          }
          return "source PAUSED";
        }
        case DELETED -> {
          try {
            source.delete(name).await(timeout);
          } catch (NotFoundException e) {
            return "source already deleted";
          }
          return "source deleted";
        }
        default -> {
          return "source left " + source.status(name).state();
        }
      }
    }
  }
}
