package io.connectctl.facade.move;

/** What a migration does with the source connector once the target runs. */
public enum SourceAfter {
  /** Leave it STOPPED (the default: it can be resumed by a rollback). */
  STOPPED,
  /** Pause it. */
  PAUSED,
  /** Delete it. */
  DELETED;

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
