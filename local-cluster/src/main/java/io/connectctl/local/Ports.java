package io.connectctl.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * The three loopback ports of a local cluster. The ports of the last run are kept in {@code
 * cluster.properties} and reused while they are free, so the worker's URL stays the same between
 * runs; a taken one is replaced by a free one the system picks.
 */
record Ports(int broker, int controller, int worker) {
  private static final String BROKER = "broker.port";
  private static final String CONTROLLER = "controller.port";
  private static final String WORKER = "worker.port";

  /** The ports recorded in {@code cluster}, each replaced by a free one if taken or missing. */
  static Ports reuseOrPick(Properties cluster) {
    return new Ports(port(cluster, BROKER), port(cluster, CONTROLLER), port(cluster, WORKER));
  }

  /** Records these ports in {@code cluster}. */
  void writeTo(Properties cluster) {
    cluster.setProperty(BROKER, Integer.toString(broker));
    cluster.setProperty(CONTROLLER, Integer.toString(controller));
    cluster.setProperty(WORKER, Integer.toString(worker));
  }

  /** Removes the recorded ports from {@code cluster}: the next start picks new ones. */
  static void forget(Properties cluster) {
    cluster.remove(BROKER);
    cluster.remove(CONTROLLER);
    cluster.remove(WORKER);
  }

  private static int port(Properties cluster, String key) {
    String previous = cluster.getProperty(key);
    if (previous != null) {
      try {
        int port = Integer.parseInt(previous);
        if (isFree(port)) {
          return port;
        }
      } catch (NumberFormatException ignored) {
        // pick a new one
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalClusterException("No free loopback port: " + e.getMessage(), e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
