package io.connectctl.cli.demo;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.local.LocalGateways;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code connectctl demo}: a tour that needs no account, all of it real. Part 1 ({@link
 * LocalStory}): a Kafka broker and a Connect worker started on this machine, FileStream connectors
 * whose lines are checked on disk (arriving, stopping while paused, flowing again, read again after
 * an offsets reset), a connector that really fails, then the cluster stopped. Part 2 ({@link
 * CloudTour}): a fresh broker and worker with the three clouds' gateways over it (as {@code
 * connectctl local up --clouds} does); on each cloud's API a connector is created, paused and
 * resumed on the real worker, the vendor's state shown beside the worker's. Everything started is
 * stopped at the end and the directory deleted. It succeeds only if every step of both parts
 * worked.
 */
public final class Demo {
  private final CliEnvironment environment;

  /**
   * @param environment where the demo prints, and where the connectctl checkout is
   */
  public Demo(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Runs the tour; returns 0 only if every step worked. */
  public int run() {
    PrintStream out = environment.out();
    Path dir = null;
    LocalCluster cluster = null;
    LocalGateways gateways = null;
    try {
      dir = Files.createTempDirectory("connectctl-demo-");
      LocalStory local = new LocalStory(environment, Files.createDirectories(dir.resolve("local")));
      local.run();
      out.println();
      if (local.failed().isEmpty()) {
        out.println(
            "Part 1 finished: all " + local.steps() + " steps worked on the real local cluster.");
      } else {
        local.failed().forEach(f -> environment.err().println("error: demo step failed: " + f));
        out.println(
            "Part 1 finished: "
                + local.failed().size()
                + " of "
                + local.steps()
                + " steps failed.");
      }
      out.println();
      out.println(
          "== Part 2: the three clouds' APIs, served by local gateways over a real worker ==");
      out.println(
          "Starting a real Kafka broker and Kafka Connect worker on 127.0.0.1, and local gateways that speak "
              + "Redpanda's, Confluent's and Yandex's APIs over it …");
      Path data = dir.resolve("cluster");
      cluster =
          LocalCluster.builder(data)
              .kafkaLib(LocalCluster.defaultKafkaLib(environment.installDir()))
              .tiedToCaller(true)
              .progress(out::println)
              .build();
      RunningCluster running = cluster.start();
      gateways = new LocalGateways(data, environment.installDir(), out::println);
      Map<String, Object> state =
          gateways.up(running.connectUrl(), running.bootstrapServers(), running.workerPid());
      out.println();
      int tour =
          new CloudTour(
                  environment,
                  CloudTour.Gateways.fromState(state),
                  running.connectUrl(),
                  Files.createDirectories(dir.resolve("tour")))
              .run();
      return local.failed().isEmpty() ? tour : ExitCode.API_FAILED;
    } catch (IOException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Demo could not write its files: " + e.getMessage(), e);
    } catch (LocalClusterException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Demo could not start the local cluster: " + e.getMessage(), e);
    } finally {
      if (gateways != null) {
        gateways.down();
      }
      if (cluster != null) {
        cluster.stop();
      }
      deleteQuietly(dir);
      out.println();
      out.println("Stopped the gateways, the worker and the broker.");
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
