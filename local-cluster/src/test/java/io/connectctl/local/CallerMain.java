package io.connectctl.local;

import io.connectctl.local.junit.LocalClusterExtension;
import java.nio.file.Path;

/**
 * A caller to kill: starts a cluster tied to this JVM in {@code args[0]} (with the children's
 * watchdog on or off as {@code args[1]} says), prints {@code READY brokerPid workerPid} and waits
 * to be killed.
 */
final class CallerMain {
  private CallerMain() {}

  public static void main(String[] args) throws InterruptedException {
    RunningCluster running =
        LocalCluster.builder(Path.of(args[0]))
            .kafkaLib(LocalClusterExtension.kafkaLib())
            .watchCaller(Boolean.parseBoolean(args[1]))
            .build()
            .start();
    System.out.println("READY " + running.brokerPid() + " " + running.workerPid());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
