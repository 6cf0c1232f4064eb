package io.connectctl.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A local cluster that is up: where to reach it and which processes run it.
 *
 * @param connectUrl the Connect worker's REST base URL, {@code http://127.0.0.1:PORT}
 * @param bootstrapServers the Kafka broker, {@code 127.0.0.1:PORT}
 * @param brokerPid the broker's process id
 * @param workerPid the Connect worker's process id
 * @param dataDir the directory holding the cluster's data, configuration, logs and pid file
 * @param startedNow whether this call started it (false: it was already running)
 * @param startTime how long starting took (zero when it was already running)
 */
public record RunningCluster(
    String connectUrl,
    String bootstrapServers,
    long brokerPid,
    long workerPid,
    Path dataDir,
    boolean startedNow,
    Duration startTime) {

  /** Validates. */
  public RunningCluster {
    Objects.requireNonNull(connectUrl, "connectUrl");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(startTime, "startTime");
  }

  /** The directory of the broker's and the worker's log files. */
  public Path logDir() {
    return dataDir.resolve("logs");
  }
}
