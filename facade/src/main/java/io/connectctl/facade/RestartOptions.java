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

  /**
   * Two positional booleans are easy to swap: use {@link #connectorOnly()}, {@link
   * #connectorAndTasks()}, {@link #onlyFailedInstances()} or {@link #failedTasksToo()}.
   *
   * @param includeTasks restart the tasks too, not only the connector instance
   * @param onlyFailed restart only instances that failed
   * @deprecated use the named factories
   */
  @Deprecated(since = "0.1.0")
  public RestartOptions {}

  /** The connector instance only (what {@code null} options mean). */
  public static RestartOptions connectorOnly() {
    return CONNECTOR_ONLY;
  }

  /** The connector instance and all its tasks. */
  public static RestartOptions connectorAndTasks() {
    return new RestartOptions(true, false);
  }

  /** The connector instance, only if it failed (its tasks are left alone). */
  public static RestartOptions onlyFailedInstances() {
    return new RestartOptions(false, true);
  }

  /** The connector instance and its tasks, each only if it failed. */
  public static RestartOptions failedTasksToo() {
    return new RestartOptions(true, true);
  }
}
