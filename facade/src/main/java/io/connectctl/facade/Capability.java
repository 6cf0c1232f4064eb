package io.connectctl.facade;

/**
 * One operation of {@link ConnectorClient}; {@link ConnectorClient#capabilities()} says which a
 * vendor supports.
 */
public enum Capability {
  /** List connectors with their state. */
  LIST("list"),
  /** Read a connector's definition and config. */
  GET("get"),
  /** Read a connector's status. */
  STATUS("status"),
  /** Create a connector. */
  CREATE("create"),
  /** Change a connector's config. */
  UPDATE_CONFIG("changing a connector's config"),
  /** Delete a connector. */
  DELETE("delete"),
  /** Pause a connector. */
  PAUSE("pause"),
  /** Resume a paused connector. */
  RESUME("resume"),
  /** Restart a connector and optionally its tasks. */
  RESTART("restart"),
  /** Restart only tasks, or only failed ones ({@link RestartOptions}). */
  RESTART_TASK_OPTIONS("restarting a connector's tasks with it, or only the failed ones"),
  /** Stop a connector (keeps its config, releases its tasks). */
  STOP("stop"),
  /** List a connector's tasks and their configs. */
  TASKS("tasks"),
  /** List the topics a connector has used. */
  TOPICS("topics"),
  /** Clear the record of topics a connector has used ({@link ConnectorClient#resetTopics}). */
  RESET_TOPICS("resetting a connector's topics"),
  /** Read a connector's committed offsets. */
  OFFSETS("offsets"),
  /** List the connector plugins available. */
  PLUGINS("plugins"),
  /** Resume waiting for a vendor operation by its id ({@link ConnectorClient#resumeWait}). */
  RESUME_WAIT("resuming a wait by its operation id"),
  /**
   * Create a connector PAUSED or STOPPED rather than running ({@link
   * ConnectorClient#create(ConnectorDefinition, ConnectorState)}).
   */
  INITIAL_STATE("creating a connector paused or stopped"),
  /**
   * The server changes only some keys of a connector's config itself (Kafka Connect 3.8+'s {@code
   * PATCH}). Without it {@link ConnectorClient#patchConfig} reads and rewrites the whole config.
   */
  PATCH_CONFIG("changing only some keys of a config"),
  /** Restart one task ({@link ConnectorClient#restartTask}). */
  RESTART_TASK("restarting one task"),
  /** Move a connector's committed offsets ({@link ConnectorClient#alterOffsets}). */
  ALTER_OFFSETS("altering offsets"),
  /** Clear a connector's committed offsets ({@link ConnectorClient#resetOffsets}). */
  RESET_OFFSETS("resetting offsets"),
  /**
   * Check a config against a plugin without creating anything ({@link ConnectorClient#validate}).
   */
  VALIDATE("validating a config against its plugin"),
  /**
   * Read and set the log levels of the workers ({@link ConnectorClient#loggers}, {@link
   * ConnectorClient#setLogLevel}).
   */
  LOGGERS("loggers"),
  /** Manage connector secrets ({@link ConnectorClient#secrets()}). */
  SECRETS("secrets"),
  /**
   * Read the Connect clusters with their versions and plugins ({@link ConnectorClient#clusters()}).
   */
  CLUSTERS("clusters");

  private final String description;

  Capability(String description) {
    this.description = description;
  }

  /**
   * What the operation is, in the words of someone using it, as messages say it ({@code confluent
   * does not support resetting a connector's topics}); a single word for the operations a command
   * is named after ({@code stop}, {@code topics}).
   */
  public String description() {
    return description;
  }

  /** The lower-case, hyphenated name of the constant, e.g. {@code update-config}. */
  public String label() {
    return name().toLowerCase().replace('_', '-');
  }
}
