package io.connectctl.gateways;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one JVM) and a real Kafka Connect worker in
 * distributed mode, started as child JVMs on free loopback ports from this module's test classpath, for the
 * gateway tests. Stopped by {@link #close()} and, should the test JVM die first, by a shutdown hook.
 *
 * <p>Stand-in until the {@code local-cluster} module (issue 10) provides the shared launcher and fixture.
 */
final class LocalKafka implements AutoCloseable {
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "local-kafka-stop");
  private String bootstrap;
  private String connectUrl;

  private LocalKafka(Path dir) {
    this.dir = dir;
  }

  /** Starts both processes and waits until the worker answers. */
  static LocalKafka start(Path dir) {
    LocalKafka kafka = new LocalKafka(dir);
    Runtime.getRuntime().addShutdownHook(kafka.hook);
    try {
      kafka.boot();
      return kafka;
    } catch (RuntimeException | IOException e) {
      kafka.close();
      throw new IllegalStateException("local Kafka did not start: " + e.getMessage() + "\n" + kafka.logs(), e);
    }
  }

  String bootstrapServers() {
    return bootstrap;
  }

  String connectUrl() {
    return connectUrl;
  }

  private void boot() throws IOException {
    Files.createDirectories(dir);
    int brokerPort = freePort();
    int controllerPort = freePort();
    int restPort = freePort();
    bootstrap = "127.0.0.1:" + brokerPort;
    connectUrl = "http://127.0.0.1:" + restPort;
    Path kraft = dir.resolve("kraft-" + UUID.randomUUID());
    Path server = dir.resolve("server.properties");
    Files.writeString(server, String.join("\n",
        "process.roles=broker,controller", "node.id=1",
        "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
        "log.dirs=" + kraft,
        "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=3",
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0", "num.partitions=1", "") + "\n");
    Path worker = dir.resolve("worker.properties");
    Files.writeString(worker, String.join("\n",
        "bootstrap.servers=" + bootstrap, "group.id=gateways-connect",
        "config.storage.topic=gw-configs", "offset.storage.topic=gw-offsets", "status.storage.topic=gw-status",
        "config.storage.replication.factor=1", "offset.storage.replication.factor=1",
        "status.storage.replication.factor=1", "offset.storage.partitions=1", "status.storage.partitions=1",
        "key.converter=org.apache.kafka.connect.json.JsonConverter",
        "value.converter=org.apache.kafka.connect.json.JsonConverter",
        "listeners=" + connectUrl, "rest.advertised.host.name=127.0.0.1",
        "plugin.discovery=service_load", "offset.flush.interval.ms=1000",
        "scheduled.rebalance.max.delay.ms=1000", "") + "\n");
    String clusterId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
    Process format = java("format", "kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId, "-c",
        server.toString());
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the KRaft log dir failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    processes.remove(format);
    java("broker", "kafka.Kafka", server.toString());
    java("worker", "org.apache.kafka.connect.cli.ConnectDistributed", worker.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a Kafka process exited with " + p.exitValue());
        }
      }
      if (answers(connectUrl + "/connectors")) {
        return;
      }
      sleep(250);
    }
    throw new IllegalStateException("the Connect worker did not answer within 120 s");
  }

  private static byte[] uuidBytes() {
    UUID u = UUID.randomUUID();
    return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
        .array();
  }

  private Process java(String name, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  private static boolean answers(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(5000);
      int code = c.getResponseCode();
      c.disconnect();
      return code == 200;
    } catch (IOException e) {
      return false;
    }
  }

  String logs() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("broker", "worker")) {
      Path log = dir.resolve(name + ".log");
      try {
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log);
          out.append("--- ").append(name).append(" (last lines)\n")
              .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
        }
      } catch (IOException | UncheckedIOException e) {
        out.append("(").append(log).append(" unreadable)\n");
      }
    }
    return out.toString();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private synchronized void stopAll() {
    // The worker first (it leaves its group cleanly while the broker is still there), then the broker.
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
