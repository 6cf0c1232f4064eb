package io.connectctl.facade;

/**
 * How much to restart.
 *
 * @param includeTasks restart the tasks too, not only the connector instance
 * @param onlyFailed restart only instances that failed
 */
public record RestartOptions(boolean includeTasks, boolean onlyFailed) {
  /** Restart the connector instance only. */
  public static final RestartOptions CONNECTOR_ONLY = new RestartOptions(false, false);
}
