package io.connectctl.facade;

/**
 * One operation of {@link ConnectorClient}; {@link ConnectorClient#capabilities()} says which a
 * vendor supports.
 */
public enum Capability {
  /** List connectors with their state. */
  LIST,
  /** Read a connector's definition and config. */
  GET,
  /** Read a connector's status. */
  STATUS,
  /** Create a connector. */
  CREATE,
  /** Change a connector's config. */
  UPDATE_CONFIG,
  /** Delete a connector. */
  DELETE,
  /** Pause a connector. */
  PAUSE,
  /** Resume a paused connector. */
  RESUME,
  /** Restart a connector and optionally its tasks. */
  RESTART,
  /** Restart only tasks, or only failed ones ({@link RestartOptions}). */
  RESTART_TASK_OPTIONS,
  /** Stop a connector (keeps its config, releases its tasks). */
  STOP,
  /** List a connector's tasks and their configs. */
  TASKS,
  /** List the topics a connector has used. */
  TOPICS,
  /** Clear the record of topics a connector has used ({@link ConnectorClient#resetTopics}). */
  RESET_TOPICS,
  /** Read a connector's committed offsets. */
  OFFSETS,
  /** List the connector plugins available. */
  PLUGINS,
  /** Resume waiting for a vendor operation by its id ({@link ConnectorClient#resumeWait}). */
  RESUME_WAIT,
  /**
   * Create a connector PAUSED or STOPPED rather than running ({@link
   * ConnectorClient#create(ConnectorDefinition, ConnectorState)}).
   */
  INITIAL_STATE,
  /**
   * The server changes only some keys of a connector's config itself (Kafka Connect 3.8+'s {@code
   * PATCH}). Without it {@link ConnectorClient#patchConfig} reads and rewrites the whole config.
   */
  PATCH_CONFIG,
  /** Restart one task ({@link ConnectorClient#restartTask}). */
  RESTART_TASK,
  /** Move a connector's committed offsets ({@link ConnectorClient#alterOffsets}). */
  ALTER_OFFSETS,
  /** Clear a connector's committed offsets ({@link ConnectorClient#resetOffsets}). */
  RESET_OFFSETS,
  /**
   * Check a config against a plugin without creating anything ({@link ConnectorClient#validate}).
   */
  VALIDATE,
  /**
   * Read and set the log levels of the workers ({@link ConnectorClient#loggers}, {@link
   * ConnectorClient#setLogLevel}).
   */
  LOGGERS,
  /** Manage connector secrets ({@link ConnectorClient#secrets()}). */
  SECRETS,
  /**
   * Read the Connect clusters with their versions and plugins ({@link ConnectorClient#clusters()}).
   */
  CLUSTERS;

  /** The lower-case, hyphenated name used in messages, e.g. {@code update-config}. */
  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
