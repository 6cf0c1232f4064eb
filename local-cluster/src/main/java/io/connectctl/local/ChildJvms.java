package io.connectctl.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the child JVMs of a local cluster: the one-off run of Kafka's storage tool that
 * formats the log directory, the broker and the worker (each through {@link ChildMain}, with its
 * output appended to {@code logs/ROLE.out}), and the stopping of a recorded process.
 *
 * <p>Every long-running child carries a marker property naming the data directory on its command
 * line, so a pid that the system has since given to another program is never taken for ours (see
 * {@link PidFile}).
 */
final class ChildJvms {
  private static final String MARKER_PROPERTY = "connectctl.local.dir";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Sandbox sandbox;
  private final KafkaLib kafkaLib;
  private final List<String> jvmOptions;
  private final boolean tiedToCaller;
  private final boolean watchCaller;

  ChildJvms(
      Sandbox sandbox,
      KafkaLib kafkaLib,
      List<String> jvmOptions,
      boolean tiedToCaller,
      boolean watchCaller) {
    this.sandbox = sandbox;
    this.kafkaLib = kafkaLib;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.tiedToCaller = tiedToCaller;
    this.watchCaller = watchCaller;
  }

  /** The command-line argument that marks a child of the cluster kept in {@code dataDir}. */
  static String marker(Path dataDir) {
    return "-D" + MARKER_PROPERTY + "=" + dataDir;
  }

  /**
   * Copies {@link ChildMain}'s class file into the data directory: the children's only class not
   * from Kafka. Returns the directory to put first on their classpath.
   */
  Path installChildMain() {
    Path boot = sandbox.bootDir();
    Path target =
        boot.resolve("io").resolve("connectctl").resolve("local").resolve("ChildMain.class");
    try (InputStream in = ChildMain.class.getResourceAsStream("ChildMain.class")) {
      if (in == null) {
        throw new LocalClusterException("ChildMain.class is missing from connectctl's own jar");
      }
      Sandbox.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LocalClusterException("Cannot write " + target + ": " + e.getMessage(), e);
    }
    return boot;
  }

  /**
   * Starts {@code mainClass} with {@code args} in a child JVM. A child of a cluster tied to its
   * caller watches this JVM and exits when it dies; the others get a session of their own.
   */
  Process launch(String role, Path boot, Path log4j, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (!tiedToCaller && Files.isExecutable(setsid)) {
      // its own session: closing the terminal that ran 'connectctl local up' does not hang it up
      command.add(setsid.toString());
    }
    command.add(java());
    command.addAll(jvmOptions);
    command.add(marker(sandbox.dir()));
    command.add("-Dlog4j2.configurationFile=" + log4j);
    command.add("-Dkafka.logs.dir=" + sandbox.logsDir());
    command.add("-cp");
    command.add(kafkaLib.classpath(boot));
    command.add("io.connectctl.local.ChildMain");
    command.add(Long.toString(tiedToCaller && watchCaller ? ProcessHandle.current().pid() : 0));
    command.add(mainClass);
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command)
          .directory(sandbox.dir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.outFile(role).toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
          .start();
    } catch (IOException e) {
      throw new LocalClusterException("Cannot start the " + role + " JVM: " + e.getMessage(), e);
    }
  }

  /** Formats the Kafka log directory with Kafka's storage tool and waits for it to finish. */
  void format(Path boot, Path log4j, Path serverConfig, String clusterId) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp",
                kafkaLib.classpath(boot),
                "kafka.tools.StorageTool",
                "format",
                // "--cluster-id=ID", not "-t ID": a URL-safe Base64 id may start with '-', which
                // argparse takes for a flag.
                "--cluster-id=" + clusterId,
                "-c",
                serverConfig.toString()));
    Path out = sandbox.outFile("format");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(sandbox.dir().toFile())
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
                + Sandbox.tail(out, 20));
      }
    } catch (IOException e) {
      throw new LocalClusterException("Cannot run Kafka's StorageTool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalClusterException("Interrupted while formatting the Kafka log directory", e);
    }
  }

  /**
   * Asks {@code process} to stop, gives it {@code 30 s} to shut down cleanly, then kills it.
   *
   * @throws LocalClusterException if it outlives even the kill
   */
  static void terminate(ProcessHandle process) {
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

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static File nullFile() {
    File devNull = new File("/dev/null");
    return devNull.exists() ? devNull : new File("NUL");
  }
}
