package io.connectctl.facade.move;

/** The steps of a {@link Migration}, in the order they run. */
public enum MigrationStep {
  /** Stop the source (pause it where the vendor cannot stop), so nothing is processed twice. */
  STOP_SOURCE,
  /** Read the source's committed offsets. */
  READ_OFFSETS,
  /** Create the target with the translated config, STOPPED where the vendor can. */
  CREATE_TARGET,
  /** Write the offsets into the target, read them back and compare. */
  WRITE_OFFSETS,
  /** Resume the target. */
  RESUME_TARGET,
  /** Wait until the target runs. */
  WAIT_RUNNING,
  /** Leave the source stopped, paused or deleted, as asked. */
  LEAVE_SOURCE;

  /** The lower-case, hyphenated name used in output, e.g. {@code stop-source}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
