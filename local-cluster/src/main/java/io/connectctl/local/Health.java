package io.connectctl.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Probes the children while they start and afterwards: whether the broker listens, whether the
 * worker says it is healthy and lists connectors, and, while waiting, whether a child died (with
 * the end of its log in the error, or a {@link PortTakenException} when it lost its port).
 */
final class Health {
  private final Sandbox sandbox;
  private final Duration startTimeout;
  private final long deadline;

  /** Probes that give up {@code startTimeout} after {@code began} (a {@link System#nanoTime()}). */
  Health(Sandbox sandbox, Duration startTimeout, long began) {
    this.sandbox = sandbox;
    this.startTimeout = startTimeout;
    this.deadline = began + startTimeout.toNanos();
  }

  /** A child could not bind its port (taken by someone else after we saw it free). */
  static final class PortTakenException extends LocalClusterException {
    PortTakenException(String message) {
      super(message);
    }
  }

  /** Waits until {@code port} accepts connections, failing early if the broker dies. */
  void awaitPort(Process broker, String role, int port) {
    while (true) {
      requireAlive(broker, "broker");
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        pause(role);
      }
    }
  }

  /** Waits for {@code GET /health} to say the worker has finished starting (KIP-1017). */
  void awaitHealthy(Process broker, Process worker, String url) {
    while (true) {
      requireAlive(broker, "broker");
      requireAlive(worker, "worker");
      if (httpStatus(url + "/health", 5000) == 200
          && httpStatus(url + "/connectors", 30_000) == 200) {
        return;
      }
      pause("worker");
    }
  }

  /** Whether the worker at {@code url} answers its root resource. */
  static boolean answers(String url) {
    return httpStatus(url + "/", 3000) == 200;
  }

  private void pause(String role) {
    if (System.nanoTime() > deadline) {
      Path log = sandbox.logFile(role);
      throw new LocalClusterException(
          "The "
              + role
              + " did not come up within "
              + startTimeout.toSeconds()
              + " s; the end of "
              + log
              + ":\n"
              + Sandbox.tail(log, 20));
    }
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalClusterException("Interrupted while starting the local cluster", e);
    }
  }

  private void requireAlive(Process process, String role) {
    if (!process.isAlive()) {
      Path log = sandbox.logFile(role);
      Path out = sandbox.outFile(role);
      if (Sandbox.tail(log, 200).contains("Address already in use")
          || Sandbox.tail(out, 200).contains("Address already in use")) {
        throw new PortTakenException("The " + role + " could not bind its port; see " + log);
      }
      throw new LocalClusterException(
          "The "
              + role
              + " exited (code "
              + process.exitValue()
              + ") while starting; "
              + "the end of "
              + log
              + ":\n"
              + Sandbox.tail(log, 20)
              + (Files.exists(out) ? "\n" + out + ":\n" + Sandbox.tail(out, 10) : ""));
    }
  }

  private static int httpStatus(String url, int readTimeoutMillis) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(readTimeoutMillis);
      try {
        int status = connection.getResponseCode();
        try (InputStream body =
            status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
          if (body != null) {
            body.readAllBytes();
          }
        }
        return status;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
