package io.connectctl.facade.move;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a migration of one connector will do, decided before anything changes.
 *
 * @param connector the source connector's name
 * @param targetName the name it gets in the target
 * @param fromContext a label for the source (a CLI context name, or empty)
 * @param fromVendor the source's vendor
 * @param toContext a label for the target
 * @param toVendor the target's vendor
 * @param config the translated config the target is created with; masked values stay masked here
 *     and are listed in {@code secretsNeeded}
 * @param secretsNeeded the keys whose values the source did not give (masked or write-only): the
 *     caller must supply them, a masked value is never sent
 * @param untranslated source keys with no known translation
 * @param notes the translation's notes
 * @param offsets whether offsets are carried
 * @param offsetsReason why not, when they are not
 * @param sourceAfter what happens to the source at the end
 * @param targetInitialState the state the target is created in (STOPPED where the vendor can)
 * @param blockers reasons the migration cannot run as asked; empty when it can
 */
public record MigrationPlan(
    String connector,
    String targetName,
    String fromContext,
    Vendor fromVendor,
    String toContext,
    Vendor toVendor,
    Map<String, String> config,
    List<String> secretsNeeded,
    List<String> untranslated,
    List<String> notes,
    Offsets offsets,
    String offsetsReason,
    SourceAfter sourceAfter,
    ConnectorState targetInitialState,
    List<String> blockers) {

  /** Whether offsets travel with the connector. */
  public enum Offsets {
    /** Read from the source and written into the target. */
    CARRIED,
    /** They could be carried, but the migration was asked to go without them. */
    LEFT_BEHIND,
    /** A side has no offsets API: the target starts from its own default position. */
    NOT_POSSIBLE
  }

  /** Validates and copies. */
  public MigrationPlan {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(targetName, "targetName");
    fromContext = Objects.requireNonNullElse(fromContext, "");
    toContext = Objects.requireNonNullElse(toContext, "");
    Objects.requireNonNull(fromVendor, "fromVendor");
    Objects.requireNonNull(toVendor, "toVendor");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    secretsNeeded = List.copyOf(secretsNeeded);
    untranslated = List.copyOf(untranslated);
    notes = List.copyOf(notes);
    Objects.requireNonNull(offsets, "offsets");
    offsetsReason = Objects.requireNonNullElse(offsetsReason, "");
    Objects.requireNonNull(sourceAfter, "sourceAfter");
    Objects.requireNonNull(targetInitialState, "targetInitialState");
    blockers = List.copyOf(blockers);
  }

  /** Whether the migration can run as asked. */
  public boolean runnable() {
    return blockers.isEmpty();
  }

  /** The steps this plan runs, in order (offset steps only when offsets are carried). */
  public List<MigrationStep> steps() {
    List<MigrationStep> steps = new java.util.ArrayList<>(List.of(MigrationStep.values()));
    if (offsets != Offsets.CARRIED) {
      steps.remove(MigrationStep.READ_OFFSETS);
      steps.remove(MigrationStep.WRITE_OFFSETS);
    }
    if (targetInitialState == ConnectorState.RUNNING) {
      steps.remove(MigrationStep.RESUME_TARGET);
    }
    return List.copyOf(steps);
  }

  @Override
  public String toString() {
    return "MigrationPlan["
        + connector
        + " -> "
        + targetName
        + ", config="
        + Redaction.redactConfig(config)
        + ", offsets="
        + offsets
        + "]";
  }
}
