package io.connectctl.facade.internal;

/**
 * Internal: the request a status wait follows, as far as it changes how the first polls read. A
 * request the worker has not picked up yet leaves the status from before it on show for a moment.
 */
enum RequestKind {
  /** No request, or one whose first polls are read as they are (create, pause, stop, delete). */
  NONE(""),
  /** A restart of the connector or of a task. */
  RESTART("restart"),
  /** A resume. */
  RESUME("resume"),
  /** A config update. */
  CONFIG_UPDATE("config update");

  private final String label;

  RequestKind(String label) {
    this.label = label;
  }

  /** The request in progress messages ({@code "restart not picked up yet"}). */
  String label() {
    return label;
  }

  /** Whether the first polls may still show a FAILED state from before the request. */
  boolean mayShowFailureFromBefore() {
    return this != NONE;
  }

  /**
   * Whether the first polls may still show the target state from before the request: a worker
   * records a restart first and only then moves the connector and its tasks through RESTARTING, so
   * RUNNING right after a restart may be the old RUNNING.
   */
  boolean mayShowTargetFromBefore() {
    return this == RESTART;
  }
}
