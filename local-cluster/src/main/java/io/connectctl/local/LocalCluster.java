package io.connectctl.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft: broker and controller in one process) and a real Kafka Connect
 * worker in distributed mode, run as two child JVMs on free loopback ports, with the FileStream and
 * MirrorMaker 2 connectors.
 *
 * <p>Everything lives in one data directory that is kept between runs: {@code kafka/} (the log dir,
 * formatted once), {@code config/} (the generated properties), {@code logs/} (the children's logs:
 * nothing goes to the console), {@code cluster.properties} (cluster id and the ports, reused while
 * they are free) and {@code run.properties} (the pid file, present while the processes run).
 * Kafka's jars never enter this JVM: the children run from a lib directory ({@code
 * local-cluster/target/kafka-lib}, filled by the build).
 *
 * <p>Nothing is left behind: {@link #start()} first stops whatever an earlier run recorded in the
 * pid file and left behind; a cluster {@linkplain Builder#tiedToCaller(boolean) tied to its caller}
 * is stopped by a shutdown hook, and its children also watch the caller and exit when it dies, even
 * by SIGKILL. A cluster that is not tied to its caller ({@code connectctl local up}) keeps running
 * in its own session until {@link #stop()}.
 *
 * <pre>{@code
 * LocalCluster cluster = LocalCluster.builder(Path.of("target/kafka")).kafkaLib(lib).build();
 * RunningCluster running = cluster.start();   // waits until the worker accepts connectors
 * ... running.connectUrl() ...
 * cluster.stop();
 * }</pre>
 */
public final class LocalCluster {
  /**
   * The system property that names the Kafka lib directory ({@code ./connectctl} and the build set
   * it).
   */
  public static final String KAFKA_LIB_PROPERTY = "connectctl.kafka.lib";

  /** Where the build puts Kafka's jars, relative to the connectctl checkout. */
  public static final String KAFKA_LIB_IN_CHECKOUT = "local-cluster/target/kafka-lib";

  private static final String MARKER_PROPERTY = "connectctl.local.dir";
  private static final String RUN_FILE = "run.properties";
  private static final String CLUSTER_FILE = "cluster.properties";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final Path kafkaLib;
  private final boolean tiedToCaller;
  private final Duration startTimeout;
  private final Consumer<String> progress;
  private final List<String> jvmOptions;
  private final boolean watchCaller;
  private Thread shutdownHook;

  private LocalCluster(Builder builder) {
    this.dataDir = builder.dataDir.toAbsolutePath().normalize();
    this.kafkaLib = builder.kafkaLib.toAbsolutePath().normalize();
    this.tiedToCaller = builder.tiedToCaller;
    this.startTimeout = builder.startTimeout;
    this.progress = builder.progress;
    this.jvmOptions = List.copyOf(builder.jvmOptions);
    this.watchCaller = builder.watchCaller;
  }

  /** A builder for a cluster kept in {@code dataDir} (created if missing). */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * The Kafka lib directory: the {@value #KAFKA_LIB_PROPERTY} system property if set, else {@value
   * #KAFKA_LIB_IN_CHECKOUT} under {@code checkout}.
   */
  public static Path defaultKafkaLib(Path checkout) {
    String property = System.getProperty(KAFKA_LIB_PROPERTY, "");
    return property.isBlank() ? checkout.resolve(KAFKA_LIB_IN_CHECKOUT) : Path.of(property);
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Starts the broker and the worker, or finds them already running, and waits until the worker
   * accepts connectors. Processes an earlier run left behind (its caller killed, one of the two
   * dead) are stopped first.
   *
   * @throws LocalClusterException if the jars are missing or a process does not come up (it names
   *     the log file)
   */
  public RunningCluster start() {
    requireKafkaLib();
    createDirectories(dataDir.resolve("logs"));
    createDirectories(dataDir.resolve("config"));
    try (Lock ignored = lock()) {
      Optional<RunningCluster> existing = alive();
      if (existing.isPresent()) {
        return existing.get();
      }
      cleanUpLocked();
      try {
        return startLocked();
      } catch (PortTakenException e) {
        // another process took a port between our check and the child's bind: once more, on new
        // ports
        progress.accept("A port was taken meanwhile; starting again on other ports ...");
        forgetPorts();
        return startLocked();
      }
    }
  }

  /** A child could not bind its port (taken by someone else after we saw it free). */
  private static final class PortTakenException extends LocalClusterException {
    PortTakenException(String message) {
      super(message);
    }
  }

  private void forgetPorts() {
    Properties cluster = read(dataDir.resolve(CLUSTER_FILE));
    cluster.remove("broker.port");
    cluster.remove("controller.port");
    cluster.remove("worker.port");
    write(
        dataDir.resolve(CLUSTER_FILE),
        cluster,
        "connectctl local cluster: id and ports (reused while free)");
  }

  /** The cluster if its processes run and its worker answers, else empty. Cleans nothing up. */
  public Optional<RunningCluster> status() {
    if (!Files.isDirectory(dataDir)) {
      return Optional.empty();
    }
    try (Lock ignored = lock()) {
      return alive();
    }
  }

  /**
   * Stops the worker, then the broker (each gets {@code 30 s} to shut down cleanly, then is
   * killed), and removes the pid file. The data stays.
   *
   * @return whether any process was running
   */
  public boolean stop() {
    if (!Files.isDirectory(dataDir)) {
      return false;
    }
    boolean stopped;
    try (Lock ignored = lock()) {
      stopped = cleanUpLocked();
    }
    removeShutdownHook();
    return stopped;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Optional<RunningCluster> alive() {
    Properties run = read(dataDir.resolve(RUN_FILE));
    if (run.isEmpty() || !"running".equals(run.getProperty("state"))) {
      return Optional.empty();
    }
    Optional<ProcessHandle> broker = recorded(run, "broker");
    Optional<ProcessHandle> worker = recorded(run, "worker");
    if (broker.isEmpty() || worker.isEmpty()) {
      return Optional.empty();
    }
    if (Boolean.parseBoolean(run.getProperty("tied")) && recorded(run, "owner").isEmpty()) {
      return Optional.empty();
    }
    String url = "http://127.0.0.1:" + run.getProperty("worker.port");
    if (httpStatus(url + "/", 3000) != 200) {
      return Optional.empty();
    }
    return Optional.of(
        new RunningCluster(
            url,
            "127.0.0.1:" + run.getProperty("broker.port"),
            broker.get().pid(),
            worker.get().pid(),
            dataDir,
            false,
            Duration.ZERO));
  }

  /**
   * Stops what the pid file names (only processes that are really ours); true if one was running.
   */
  private boolean cleanUpLocked() {
    Path runFile = dataDir.resolve(RUN_FILE);
    Properties run = read(runFile);
    boolean any = false;
    for (String role : List.of("worker", "broker")) {
      Optional<ProcessHandle> process = recorded(run, role);
      if (process.isPresent()) {
        any = true;
        progress.accept("Stopping the " + role + " (pid " + process.get().pid() + ") ...");
        terminate(process.get());
      }
    }
    try {
      Files.deleteIfExists(runFile);
    } catch (IOException e) {
      throw new LocalClusterException(
          "Cannot remove the pid file " + runFile + ": " + e.getMessage(), e);
    }
    return any;
  }

  /**
   * The live process recorded under {@code role}, if its pid still belongs to the process we
   * started.
   */
  private Optional<ProcessHandle> recorded(Properties run, String role) {
    String pid = run.getProperty(role + ".pid");
    String started = run.getProperty(role + ".start");
    if (pid == null || started == null) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle;
    try {
      handle = ProcessHandle.of(Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return handle
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(i -> Long.toString(i.toEpochMilli()).equals(started))
                    .orElse(false))
        .filter(
            h ->
                role.equals("owner")
                    || h.info()
                        .commandLine()
                        .map(line -> line.contains("-D" + MARKER_PROPERTY + "=" + dataDir))
                        .orElse(true));
  }

  private static void terminate(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new LocalClusterException(
            "Process " + process.pid() + " did not stop even when killed");
      }
    }
  }

  private RunningCluster startLocked() {
    long began = System.nanoTime();
    Properties cluster = read(dataDir.resolve(CLUSTER_FILE));
    int brokerPort = port(cluster, "broker.port");
    int controllerPort = port(cluster, "controller.port");
    int workerPort = port(cluster, "worker.port");
    if (cluster.getProperty("cluster.id") == null) {
      cluster.setProperty("cluster.id", newClusterId());
    }
    cluster.setProperty("broker.port", Integer.toString(brokerPort));
    cluster.setProperty("controller.port", Integer.toString(controllerPort));
    cluster.setProperty("worker.port", Integer.toString(workerPort));
    write(
        dataDir.resolve(CLUSTER_FILE),
        cluster,
        "connectctl local cluster: id and ports (reused while free)");

    Path serverConfig = writeConfig("server.properties", brokerConfig(brokerPort, controllerPort));
    Path workerConfig =
        writeConfig("connect-distributed.properties", workerConfig(brokerPort, workerPort));
    Path brokerLog4j = writeConfig("log4j2-broker.properties", log4j("broker"));
    Path workerLog4j = writeConfig("log4j2-worker.properties", log4j("worker"));
    Path boot = installChildMain();

    if (!Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))) {
      progress.accept("Formatting the Kafka log directory " + dataDir.resolve("kafka") + " ...");
      format(boot, brokerLog4j, serverConfig, cluster.getProperty("cluster.id"));
    }

    installShutdownHook();
    Properties run = new Properties();
    run.setProperty("state", "starting");
    run.setProperty("tied", Boolean.toString(tiedToCaller));
    record(run, "owner", ProcessHandle.current());
    run.setProperty("broker.port", Integer.toString(brokerPort));
    run.setProperty("worker.port", Integer.toString(workerPort));
    String url = "http://127.0.0.1:" + workerPort;
    try {
      progress.accept(
          "Starting Kafka "
              + kafkaVersion()
              + " (broker and controller) on 127.0.0.1:"
              + brokerPort
              + " ...");
      Process broker = launch("broker", boot, brokerLog4j, "kafka.Kafka", serverConfig.toString());
      record(run, "broker", broker.toHandle());
      write(dataDir.resolve(RUN_FILE), run, "connectctl local cluster: the running processes");
      // the worker starts once the broker listens: starting both at once was no faster on two cores
      awaitPort(broker, "broker", brokerPort, began);

      progress.accept("Starting the Connect worker on " + url + " ...");
      Process worker =
          launch(
              "worker",
              boot,
              workerLog4j,
              "org.apache.kafka.connect.cli.ConnectDistributed",
              workerConfig.toString());
      record(run, "worker", worker.toHandle());
      write(dataDir.resolve(RUN_FILE), run, "connectctl local cluster: the running processes");
      awaitHealthy(broker, worker, url, began);

      run.setProperty("state", "running");
      write(dataDir.resolve(RUN_FILE), run, "connectctl local cluster: the running processes");
      if (!tiedToCaller) {
        removeShutdownHook();
      }
      return new RunningCluster(
          url,
          "127.0.0.1:" + brokerPort,
          broker.pid(),
          worker.pid(),
          dataDir,
          true,
          Duration.ofNanos(System.nanoTime() - began));
    } catch (RuntimeException e) {
      cleanUpLocked();
      removeShutdownHook();
      throw e;
    }
  }

  private static void record(Properties run, String role, ProcessHandle process) {
    run.setProperty(role + ".pid", Long.toString(process.pid()));
    run.setProperty(
        role + ".start",
        Long.toString(process.info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
  }

  private Process launch(String role, Path boot, Path log4j, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (!tiedToCaller && Files.isExecutable(setsid)) {
      // its own session: closing the terminal that ran 'connectctl local up' does not hang it up
      command.add(setsid.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-D" + MARKER_PROPERTY + "=" + dataDir);
    command.add("-Dlog4j2.configurationFile=" + log4j);
    command.add("-Dkafka.logs.dir=" + dataDir.resolve("logs"));
    command.add("-cp");
    command.add(boot + File.pathSeparator + kafkaLib + File.separator + "*");
    command.add("io.connectctl.local.ChildMain");
    command.add(Long.toString(tiedToCaller && watchCaller ? ProcessHandle.current().pid() : 0));
    command.add(mainClass);
    command.addAll(List.of(args));
    Path out = dataDir.resolve("logs").resolve(role + ".out");
    try {
      return new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
          .start();
    } catch (IOException e) {
      throw new LocalClusterException("Cannot start the " + role + " JVM: " + e.getMessage(), e);
    }
  }

  private static File nullFile() {
    File devNull = new File("/dev/null");
    return devNull.exists() ? devNull : new File("NUL");
  }

  private void format(Path boot, Path log4j, Path serverConfig, String clusterId) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp",
                boot + File.pathSeparator + kafkaLib + File.separator + "*",
                "kafka.tools.StorageTool",
                "format",
                // "--cluster-id=ID", not "-t ID": a URL-safe Base64 id may start with '-', which
                // argparse takes for a flag.
                "--cluster-id=" + clusterId,
                "-c",
                serverConfig.toString()));
    Path out = dataDir.resolve("logs").resolve("format.out");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new LocalClusterException(
            "Formatting the Kafka log directory took over 2 minutes; see " + out);
      }
      if (process.exitValue() != 0) {
        throw new LocalClusterException(
            "Formatting the Kafka log directory failed (exit "
                + process.exitValue()
                + "):\n"
                + tail(out, 20));
      }
    } catch (IOException e) {
      throw new LocalClusterException("Cannot run Kafka's StorageTool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalClusterException("Interrupted while formatting the Kafka log directory", e);
    }
  }

  private void awaitPort(Process broker, String role, int port, long began) {
    long deadline = began + startTimeout.toNanos();
    while (true) {
      requireAlive(broker, "broker");
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        pause(deadline, role);
      }
    }
  }

  /** Waits for {@code GET /health} to say the worker has finished starting (KIP-1017). */
  private void awaitHealthy(Process broker, Process worker, String url, long began) {
    long deadline = began + startTimeout.toNanos();
    while (true) {
      requireAlive(broker, "broker");
      requireAlive(worker, "worker");
      if (httpStatus(url + "/health", 5000) == 200
          && httpStatus(url + "/connectors", 30_000) == 200) {
        return;
      }
      pause(deadline, "worker");
    }
  }

  private void pause(long deadline, String role) {
    if (System.nanoTime() > deadline) {
      throw new LocalClusterException(
          "The "
              + role
              + " did not come up within "
              + startTimeout.toSeconds()
              + " s; the end of "
              + logFile(role)
              + ":\n"
              + tail(logFile(role), 20));
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
      Path out = dataDir.resolve("logs").resolve(role + ".out");
      if (tail(logFile(role), 200).contains("Address already in use")
          || tail(out, 200).contains("Address already in use")) {
        throw new PortTakenException(
            "The " + role + " could not bind its port; see " + logFile(role));
      }
      throw new LocalClusterException(
          "The "
              + role
              + " exited (code "
              + process.exitValue()
              + ") while starting; "
              + "the end of "
              + logFile(role)
              + ":\n"
              + tail(logFile(role), 20)
              + (Files.exists(out) ? "\n" + out + ":\n" + tail(out, 10) : ""));
    }
  }

  private Path logFile(String role) {
    return dataDir.resolve("logs").resolve(role + ".log");
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
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

  // ---------------------------------------------------------------------------------------------------------------

  private String brokerConfig(int brokerPort, int controllerPort) {
    return String.join(
        "\n",
        "# Written by connectctl on each start: a single-node KRaft cluster on loopback.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + escape(dataDir.resolve("kafka").toString()),
        "num.partitions=1",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=5",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=5",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  private static String workerConfig(int brokerPort, int workerPort) {
    return String.join(
        "\n",
        "# Written by connectctl on each start: one Connect worker in distributed mode.",
        "bootstrap.servers=127.0.0.1:" + brokerPort,
        "group.id=connectctl-local",
        "key.converter=org.apache.kafka.connect.json.JsonConverter",
        "value.converter=org.apache.kafka.connect.json.JsonConverter",
        "key.converter.schemas.enable=false",
        "value.converter.schemas.enable=false",
        "config.storage.topic=connectctl-local-configs",
        "config.storage.replication.factor=1",
        "offset.storage.topic=connectctl-local-offsets",
        "offset.storage.replication.factor=1",
        "offset.storage.partitions=5",
        "status.storage.topic=connectctl-local-status",
        "status.storage.replication.factor=1",
        "status.storage.partitions=1",
        "offset.flush.interval.ms=1000",
        // one worker: reassign the work of a worker that died at once instead of waiting for it to
        // come back
        "scheduled.rebalance.max.delay.ms=0",
        "listeners=http://127.0.0.1:" + workerPort,
        "rest.advertised.host.name=127.0.0.1",
        "rest.advertised.port=" + workerPort,
        // the plugins sit on the classpath and declare themselves: no slow reflective scan
        "plugin.discovery=service_load",
        "");
  }

  private String log4j(String role) {
    String file = escape(dataDir.resolve("logs").resolve(role + ".log").toString());
    return String.join(
        "\n",
        "# Written by connectctl: the "
            + role
            + " logs to a file in the data directory, never to the console.",
        "status = warn",
        "appender.file.type = RollingFile",
        "appender.file.name = file",
        "appender.file.fileName = " + file,
        "appender.file.filePattern = " + file + ".%i",
        "appender.file.layout.type = PatternLayout",
        "appender.file.layout.pattern = [%d] %p %m (%c)%n",
        "appender.file.policies.type = Policies",
        "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
        "appender.file.policies.size.size = 10MB",
        "appender.file.strategy.type = DefaultRolloverStrategy",
        "appender.file.strategy.max = 3",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.file.ref = file",
        "");
  }

  private static String escape(String path) {
    return path.replace("\\", "\\\\");
  }

  private Path writeConfig(String name, String text) {
    Path file = dataDir.resolve("config").resolve(name);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Copies {@link ChildMain}'s class file into the data directory: the children's only class not
   * from Kafka.
   */
  private Path installChildMain() {
    Path boot = dataDir.resolve("boot");
    Path target =
        boot.resolve("io").resolve("connectctl").resolve("local").resolve("ChildMain.class");
    try (InputStream in = ChildMain.class.getResourceAsStream("ChildMain.class")) {
      if (in == null) {
        throw new LocalClusterException("ChildMain.class is missing from connectctl's own jar");
      }
      createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + target + ": " + e.getMessage(), e);
    }
    return boot;
  }

  private void requireKafkaLib() {
    boolean present;
    try (Stream<Path> jars = Files.isDirectory(kafkaLib) ? Files.list(kafkaLib) : Stream.empty()) {
      present = jars.anyMatch(p -> p.getFileName().toString().startsWith("connect-runtime-"));
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      throw new LocalClusterException(
          "Kafka's jars are not in "
              + kafkaLib
              + "; build them with "
              + "'./mvnw -B -pl local-cluster -am package -DskipTests' in the connectctl checkout (or set -D"
              + KAFKA_LIB_PROPERTY
              + "=DIR)");
    }
  }

  /** Kafka's version, from the name of its client jar in the lib directory. */
  public String kafkaVersion() {
    try (Stream<Path> jars = Files.list(kafkaLib)) {
      return jars.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("kafka-clients-") && n.endsWith(".jar"))
          .map(n -> n.substring("kafka-clients-".length(), n.length() - ".jar".length()))
          .findFirst()
          .orElse("(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }

  private static String newClusterId() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes =
        ByteBuffer.allocate(16)
            .putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
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

  /** Holds the data directory's lock file: one start or stop at a time, across processes. */
  private Lock lock() {
    Path file = dataDir.resolve(".lock");
    try {
      createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Lock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new LocalClusterException("Cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  private record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException ignored) {
        // closing the channel releases the lock in any case
      }
    }
  }

  private synchronized void installShutdownHook() {
    if (shutdownHook == null) {
      shutdownHook =
          new Thread(
              () -> {
                Properties run = read(dataDir.resolve(RUN_FILE));
                if (run.isEmpty()
                    || !Long.toString(ProcessHandle.current().pid())
                        .equals(run.getProperty("owner.pid"))) {
                  return;
                }
                for (String role : List.of("worker", "broker")) {
                  recorded(run, role).ifPresent(LocalCluster::terminate);
                }
                try {
                  Files.deleteIfExists(dataDir.resolve(RUN_FILE));
                } catch (IOException ignored) {
                  // the next start cleans up
                }
              },
              "connectctl-local-cluster-stop");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  private synchronized void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
      shutdownHook = null;
    }
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new LocalClusterException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return properties;
  }

  private static void write(Path file, Properties properties, String comment) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      properties.store(writer, comment);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    try {
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Builds a {@link LocalCluster}. */
  public static final class Builder {
    private final Path dataDir;
    private Path kafkaLib = defaultKafkaLib(Path.of(""));
    private boolean tiedToCaller = true;
    private Duration startTimeout = Duration.ofSeconds(120);
    private Consumer<String> progress = line -> {};
    private boolean watchCaller = true;
    private List<String> jvmOptions =
        List.of(
            "-Xms64m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /**
     * The directory holding Kafka's jars (default: {@link #defaultKafkaLib} of the working
     * directory).
     */
    public Builder kafkaLib(Path kafkaLib) {
      this.kafkaLib = Objects.requireNonNull(kafkaLib, "kafkaLib");
      return this;
    }

    /**
     * Whether the cluster lives only as long as this JVM (default true: a shutdown hook stops it
     * and the children exit when this JVM dies). False for a cluster that outlives its caller, as
     * {@code connectctl local up}.
     */
    public Builder tiedToCaller(boolean tiedToCaller) {
      this.tiedToCaller = tiedToCaller;
      return this;
    }

    /** How long {@link LocalCluster#start()} waits for the worker (default 120 s). */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /** Receives one line per step while starting and stopping (default: nothing). */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * The JVM options of the broker and the worker (default: 512 MB heap each, serial GC, C1 only).
     */
    public Builder jvmOptions(List<String> jvmOptions) {
      this.jvmOptions = List.copyOf(jvmOptions);
      return this;
    }

    /** Tests only: whether the children of a tied cluster watch their caller (default true). */
    Builder watchCaller(boolean watchCaller) {
      this.watchCaller = watchCaller;
      return this;
    }

    /** The cluster (nothing starts until {@link LocalCluster#start()}). */
    public LocalCluster build() {
      return new LocalCluster(this);
    }
  }
}
