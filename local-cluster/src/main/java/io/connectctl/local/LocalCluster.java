package io.connectctl.local;

import io.connectctl.local.Health.PortTakenException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

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

  private final Sandbox sandbox;
  private final KafkaLib kafkaLib;
  private final ChildJvms children;
  private final PidFile pidFile;
  private final StopOnExit stopOnExit;
  private final boolean tiedToCaller;
  private final Duration startTimeout;
  private final Consumer<String> progress;

  private LocalCluster(Builder builder) {
    this.sandbox = new Sandbox(builder.dataDir.toAbsolutePath().normalize());
    this.kafkaLib = new KafkaLib(builder.kafkaLib.toAbsolutePath().normalize());
    this.tiedToCaller = builder.tiedToCaller;
    this.startTimeout = builder.startTimeout;
    this.progress = builder.progress;
    this.children =
        new ChildJvms(
            sandbox, kafkaLib, builder.jvmOptions, builder.tiedToCaller, builder.watchCaller);
    this.pidFile = new PidFile(sandbox);
    this.stopOnExit = new StopOnExit(sandbox, pidFile);
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
    return sandbox.dir();
  }

  /** Kafka's version, from the name of its client jar in the lib directory. */
  public String kafkaVersion() {
    return kafkaLib.version();
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
    kafkaLib.require();
    sandbox.prepare();
    try (Sandbox.Lock ignored = sandbox.lock()) {
      Optional<RunningCluster> existing = alive();
      if (existing.isPresent()) {
        return existing.get();
      }
      pidFile.stopRecorded(progress);
      try {
        return startLocked();
      } catch (PortTakenException e) {
        // another process took a port between our check and the child's bind: once more, on new
        // ports
        progress.accept("A port was taken meanwhile; starting again on other ports ...");
        Properties cluster = sandbox.readCluster();
        Ports.forget(cluster);
        sandbox.writeCluster(cluster);
        return startLocked();
      }
    }
  }

  /** The cluster if its processes run and its worker answers, else empty. Cleans nothing up. */
  public Optional<RunningCluster> status() {
    if (!sandbox.exists()) {
      return Optional.empty();
    }
    try (Sandbox.Lock ignored = sandbox.lock()) {
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
    if (!sandbox.exists()) {
      return false;
    }
    boolean stopped;
    try (Sandbox.Lock ignored = sandbox.lock()) {
      stopped = pidFile.stopRecorded(progress);
    }
    stopOnExit.remove();
    return stopped;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private Optional<RunningCluster> alive() {
    Properties run = sandbox.readRun();
    if (run.isEmpty() || !"running".equals(run.getProperty("state"))) {
      return Optional.empty();
    }
    Optional<ProcessHandle> broker = pidFile.recorded(run, "broker");
    Optional<ProcessHandle> worker = pidFile.recorded(run, "worker");
    if (broker.isEmpty() || worker.isEmpty()) {
      return Optional.empty();
    }
    if (Boolean.parseBoolean(run.getProperty("tied")) && pidFile.recorded(run, "owner").isEmpty()) {
      return Optional.empty();
    }
    String url = "http://127.0.0.1:" + run.getProperty("worker.port");
    if (!Health.answers(url)) {
      return Optional.empty();
    }
    return Optional.of(
        new RunningCluster(
            url,
            "127.0.0.1:" + run.getProperty("broker.port"),
            broker.get().pid(),
            worker.get().pid(),
            sandbox.dir(),
            false,
            Duration.ZERO));
  }

  private RunningCluster startLocked() {
    long began = System.nanoTime();
    Properties cluster = sandbox.readCluster();
    Ports ports = Ports.reuseOrPick(cluster);
    if (cluster.getProperty("cluster.id") == null) {
      cluster.setProperty("cluster.id", ConfigText.newClusterId());
    }
    ports.writeTo(cluster);
    sandbox.writeCluster(cluster);

    Path serverConfig =
        sandbox.writeConfig(
            "server.properties",
            ConfigText.broker(sandbox.kafkaDir(), ports.broker(), ports.controller()));
    Path workerConfig =
        sandbox.writeConfig(
            "connect-distributed.properties", ConfigText.worker(ports.broker(), ports.worker()));
    Path brokerLog4j =
        sandbox.writeConfig(
            "log4j2-broker.properties", ConfigText.log4j("broker", sandbox.logFile("broker")));
    Path workerLog4j =
        sandbox.writeConfig(
            "log4j2-worker.properties", ConfigText.log4j("worker", sandbox.logFile("worker")));
    Path boot = children.installChildMain();

    if (!sandbox.formatted()) {
      progress.accept("Formatting the Kafka log directory " + sandbox.kafkaDir() + " ...");
      children.format(boot, brokerLog4j, serverConfig, cluster.getProperty("cluster.id"));
    }

    stopOnExit.install();
    Properties run = new Properties();
    run.setProperty("state", "starting");
    run.setProperty("tied", Boolean.toString(tiedToCaller));
    PidFile.record(run, "owner", ProcessHandle.current());
    run.setProperty("broker.port", Integer.toString(ports.broker()));
    run.setProperty("worker.port", Integer.toString(ports.worker()));
    String url = "http://127.0.0.1:" + ports.worker();
    Health health = new Health(sandbox, startTimeout, began);
    try {
      progress.accept(
          "Starting Kafka "
              + kafkaLib.version()
              + " (broker and controller) on 127.0.0.1:"
              + ports.broker()
              + " ...");
      Process broker =
          children.launch("broker", boot, brokerLog4j, "kafka.Kafka", serverConfig.toString());
      PidFile.record(run, "broker", broker.toHandle());
      sandbox.writeRun(run);
      // the worker starts once the broker listens: starting both at once was no faster on two cores
      health.awaitPort(broker, "broker", ports.broker());

      progress.accept("Starting the Connect worker on " + url + " ...");
      Process worker =
          children.launch(
              "worker",
              boot,
              workerLog4j,
              "org.apache.kafka.connect.cli.ConnectDistributed",
              workerConfig.toString());
      PidFile.record(run, "worker", worker.toHandle());
      sandbox.writeRun(run);
      health.awaitHealthy(broker, worker, url);

      run.setProperty("state", "running");
      sandbox.writeRun(run);
      if (!tiedToCaller) {
        stopOnExit.remove();
      }
      return new RunningCluster(
          url,
          "127.0.0.1:" + ports.broker(),
          broker.pid(),
          worker.pid(),
          sandbox.dir(),
          true,
          Duration.ofNanos(System.nanoTime() - began));
    } catch (RuntimeException e) {
      pidFile.stopRecorded(progress);
      stopOnExit.remove();
      throw e;
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
