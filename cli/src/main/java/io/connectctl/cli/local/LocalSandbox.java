package io.connectctl.cli.local;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code local} commands' calls into the launcher. They live here, not in the command classes,
 * because picocli reflects over every command class on every run: the launcher's classes are then
 * loaded only by {@code local} commands, and connectctl's start is not slowed by them.
 */
public final class LocalSandbox {
  private final LocalCluster cluster;
  private final LocalGateways gateways;

  /**
   * @param dataDir the cluster's directory
   * @param installDir the connectctl checkout (Kafka's jars are in its {@code
   *     local-cluster/target/kafka-lib} unless the {@code connectctl.kafka.lib} system property
   *     names another directory)
   * @param progress receives a line per step
   */
  public LocalSandbox(Path dataDir, Path installDir, Consumer<String> progress) {
    this.cluster =
        LocalCluster.builder(dataDir)
            .kafkaLib(LocalCluster.defaultKafkaLib(installDir))
            .tiedToCaller(false)
            .progress(progress)
            .build();
    this.gateways = new LocalGateways(dataDir, installDir, progress);
  }

  /**
   * Starts the cluster, or finds it running: {@code url, bootstrap_servers, dir, started,
   * start_seconds, broker_pid, worker_pid, kafka_version}.
   */
  public Map<String, Object> up() {
    RunningCluster running = call(cluster::start);
    Map<String, Object> view = view(running);
    view.put("started", running.startedNow());
    view.put("start_seconds", running.startTime().toMillis() / 1000.0);
    view.put("kafka_version", cluster.kafkaVersion());
    return view;
  }

  /**
   * The running cluster's {@code url, bootstrap_servers, dir, broker_pid, worker_pid}, or empty.
   */
  public Optional<Map<String, Object>> status() {
    return call(cluster::status).map(LocalSandbox::view);
  }

  /** Stops the gateways, if running, then the cluster; whether the cluster was running. */
  public boolean down() {
    gateways.down();
    return call(cluster::stop);
  }

  /**
   * Starts the cloud gateways over the cluster that {@link #up()} returned, or finds them running:
   * {@code pid, redpanda {url, connect_cluster}, confluent {url, environment, cluster}, yandex
   * {url, cluster}, started, start_seconds}.
   */
  public Map<String, Object> cloudsUp(Map<String, Object> cluster) {
    return gateways.up(
        (String) cluster.get("url"),
        (String) cluster.get("bootstrap_servers"),
        ((Number) cluster.get("worker_pid")).longValue());
  }

  /** The running gateways' state, or empty. */
  public Optional<Map<String, Object>> clouds() {
    return gateways.status();
  }

  private static Map<String, Object> view(RunningCluster running) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("url", running.connectUrl());
    view.put("bootstrap_servers", running.bootstrapServers());
    view.put("dir", running.dataDir().toString());
    view.put("broker_pid", running.brokerPid());
    view.put("worker_pid", running.workerPid());
    return view;
  }

  /**
   * A launcher failure as a CLI failure: exit 1 with the launcher's explanation (which names the
   * log file).
   */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (LocalClusterException e) {
      throw new CliException(ExitCode.API_FAILED, e.getMessage(), e);
    }
  }
}
