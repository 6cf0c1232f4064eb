package io.connectctl.facade.move;

import java.time.Duration;
import java.util.Objects;

/**
 * How to migrate one connector.
 *
 * @param targetName the name in the target; empty keeps the source's name
 * @param sourceAfter what happens to the source at the end
 * @param withoutOffsets go ahead without carrying offsets (required when they cannot be carried)
 * @param timeout how long each wait may take
 * @param translator turns the source's config into the target's
 */
public record MigrationOptions(
    String targetName,
    SourceAfter sourceAfter,
    boolean withoutOffsets,
    Duration timeout,
    ConfigTranslator translator) {
  /** Validates. */
  public MigrationOptions {
    targetName = Objects.requireNonNullElse(targetName, "");
    sourceAfter = Objects.requireNonNullElse(sourceAfter, SourceAfter.STOPPED);
    timeout = Objects.requireNonNullElse(timeout, Duration.ofMinutes(5));
    translator = Objects.requireNonNullElse(translator, ConfigTranslator.identity());
  }

  /** Same name, source left stopped, offsets carried, 5-minute waits, configs as they are. */
  public static MigrationOptions defaults() {
    return new MigrationOptions("", SourceAfter.STOPPED, false, null, null);
  }

  /** A copy with {@code targetName}. */
  public MigrationOptions withTargetName(String targetName) {
    return new MigrationOptions(targetName, sourceAfter, withoutOffsets, timeout, translator);
  }

  /** A copy with {@code sourceAfter}. */
  public MigrationOptions withSourceAfter(SourceAfter sourceAfter) {
    return new MigrationOptions(targetName, sourceAfter, withoutOffsets, timeout, translator);
  }

  /** A copy with {@code withoutOffsets}. */
  public MigrationOptions withWithoutOffsets(boolean withoutOffsets) {
    return new MigrationOptions(targetName, sourceAfter, withoutOffsets, timeout, translator);
  }

  /** A copy with {@code timeout}. */
  public MigrationOptions withTimeout(Duration timeout) {
    return new MigrationOptions(targetName, sourceAfter, withoutOffsets, timeout, translator);
  }

  /** A copy with {@code translator}. */
  public MigrationOptions withTranslator(ConfigTranslator translator) {
    return new MigrationOptions(targetName, sourceAfter, withoutOffsets, timeout, translator);
  }
}
