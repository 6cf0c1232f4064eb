package io.connectctl.facade;

import java.util.Map;

/**
 * One task's config as the vendor reports it.
 *
 * @param id the task number
 * @param config the task config
 */
public record TaskConfig(int id, Map<String, String> config) {
  /** Copies the config. */
  public TaskConfig {
    config = Immutable.map(config);
  }

  @Override
  public String toString() {
    return "TaskConfig[id=" + id + ", config=" + Redaction.redactConfig(config) + "]";
  }
}
