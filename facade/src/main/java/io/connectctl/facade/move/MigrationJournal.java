package io.connectctl.facade.move;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The record of a migration's progress: which steps are done and whether the target was created by
 * it. A re-run skips the steps recorded as done; a rollback deletes only a target this migration
 * created. Backed by a small properties file (written whole, then moved into place) or by memory.
 */
public final class MigrationJournal {
  private static final String CREATE_SENT = "target.create-sent";
  private static final String STEP = "step.";

  private final Path file;
  private final Properties values = new Properties();

  private MigrationJournal(Path file) {
    this.file = file;
  }

  /**
   * The journal kept in {@code file} (read now when it exists).
   *
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public static MigrationJournal at(Path file) {
    MigrationJournal journal = new MigrationJournal(file);
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        journal.values.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read migration state " + file, e);
      }
    }
    return journal;
  }

  /** A journal kept only in memory (nothing survives the process). */
  public static MigrationJournal inMemory() {
    return new MigrationJournal(null);
  }

  /** Whether anything was recorded (a migration was started). */
  public synchronized boolean started() {
    return !values.isEmpty();
  }

  /** Whether {@code step} was recorded as done. */
  public synchronized boolean done(MigrationStep step) {
    return "done".equals(values.getProperty(STEP + step.label()));
  }

  /** Records {@code step} as done. */
  public synchronized void markDone(MigrationStep step) {
    values.setProperty(STEP + step.label(), "done");
    save();
  }

  /** Whether a create of the target was sent by this migration. */
  public synchronized boolean targetCreateSent() {
    return "true".equals(values.getProperty(CREATE_SENT));
  }

  /** Records, before sending it, that this migration creates the target. */
  public synchronized void markTargetCreateSent() {
    values.setProperty(CREATE_SENT, "true");
    save();
  }

  /** Records a free-form value (e.g. the plan's labels, for people reading the file). */
  public synchronized void note(String key, String value) {
    values.setProperty(key, value);
    save();
  }

  /** Forgets everything and removes the file. */
  public synchronized void clear() {
    values.clear();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete migration state " + file, e);
      }
    }
  }

  /** Where the journal is kept; empty for an in-memory one. */
  public java.util.Optional<Path> file() {
    return java.util.Optional.ofNullable(file);
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        values.store(writer, "connectctl migration state");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write migration state " + file, e);
    }
  }
}
