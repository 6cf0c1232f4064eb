package io.connectctl.cli.demo;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CliException;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first part of {@code connectctl demo}: a true story on a real Kafka broker and Connect worker
 * started on this machine (the local cluster). A FileStreamSource copies {@code in.txt} into a
 * topic and a FileStreamSink writes the topic to {@code out.txt}; the story checks on disk that
 * lines arrive, stop while the source is paused, flow again after resume, and are read again after
 * stop and an offsets reset; a sink that really fails shows its trace and runs after a restart of
 * what failed; everything is deleted and the cluster stopped.
 */
final class LocalStory {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  private static final long LINE_WAIT_MS = 60_000;

  private final CliEnvironment environment;
  private final PrintStream out;
  private final Path dir;
  private final List<String> failed = new ArrayList<>();
  private int steps;

  /**
   * @param environment where to print, the checkout (for Kafka's jars)
   * @param dir a throwaway directory for the cluster's data, the files and the config
   */
  LocalStory(CliEnvironment environment, Path dir) {
    this.environment = environment;
    this.out = environment.out();
    this.dir = dir;
  }

  /** How many steps ran. */
  int steps() {
    return steps;
  }

  /** The steps that did not work, each in one line. */
  List<String> failed() {
    return failed;
  }

  /** Starts the cluster, tells the story, stops the cluster. */
  void run() throws IOException {
    out.println("== Part 1: a real Kafka Connect cluster on this machine ==");
    out.println(
        "Starting a real Kafka broker (KRaft) and a Connect worker as child JVMs on 127.0.0.1 …");
    out.flush();
    LocalCluster cluster =
        LocalCluster.builder(dir.resolve("cluster"))
            .kafkaLib(LocalCluster.defaultKafkaLib(environment.installDir()))
            .tiedToCaller(true)
            .progress(
                line -> {
                  out.println("  " + line);
                  out.flush();
                })
            .build();
    RunningCluster running;
    try {
      running = cluster.start();
    } catch (LocalClusterException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Demo could not start the local cluster: " + e.getMessage(), e);
    }
    try {
      out.println(
          "Kafka "
              + cluster.kafkaVersion()
              + " and its Connect worker are up at "
              + running.connectUrl()
              + " (started in "
              + String.format("%.1f", running.startTime().toMillis() / 1000.0)
              + " s).");
      story(running.connectUrl());
    } finally {
      cluster.stop();
      out.println();
      out.println("Stopped the local cluster (broker and worker).");
    }
  }

  private void story(String url) throws IOException {
    Path in = dir.resolve("in.txt");
    Path outFile = dir.resolve("out.txt");
    Files.write(in, List.of("first line", "second line", "third line"), StandardCharsets.UTF_8);
    Path manifests = Files.createDirectories(dir.resolve("connectors"));
    Files.writeString(
        manifests.resolve("demo-file-source.yaml"),
        "name: demo-file-source\nconfig:\n"
            + "  connector.class: "
            + SOURCE
            + "\n  file: "
            + in
            + "\n  topic: demo-lines\n  tasks.max: \"1\"\n");
    Files.writeString(
        manifests.resolve("demo-file-sink.yaml"),
        "name: demo-file-sink\nconfig:\n"
            + "  connector.class: "
            + SINK
            + "\n  file: "
            + outFile
            + "\n  topics: demo-lines\n  tasks.max: \"1\"\n");
    Path missingDir = dir.resolve("not-there-yet");
    Path broken =
        Files.writeString(
            dir.resolve("demo-broken-sink.yaml"),
            "name: demo-broken-sink\nconfig:\n"
                + "  connector.class: "
                + SINK
                + "\n  file: "
                + missingDir.resolve("out.txt")
                + "\n  topics: demo-lines\n"
                + "  tasks.max: \"1\"\n");
    Path config =
        Files.writeString(
            dir.resolve("config.yaml"),
            "# Written by 'connectctl demo'; deleted when it ends.\n"
                + "current-context: demo-local\ncontexts:\n  demo-local:\n    vendor: kafka-connect\n    url: "
                + url
                + "\n");
    out.println("Throwaway config: " + config + " (context demo-local, vendor kafka-connect)");
    Map<String, String> env = new HashMap<>(environment.env());
    env.put("CONNECTCTL_CONFIG", config.toString());
    env.remove("KAFKA_CONNECT_TOKEN");
    env.remove("KAFKA_CONNECT_USERNAME");
    env.remove("KAFKA_CONNECT_PASSWORD");
    CliEnvironment tour = environment.with(env, new VendorClientFactory());

    command(
        tour,
        "A FileStreamSource reads in.txt into topic demo-lines; a FileStreamSink writes it to out.txt",
        ExitCode.OK,
        "apply",
        "-f",
        manifests.toString(),
        "--wait");
    command(tour, "", ExitCode.OK, "get", "connectors");
    check("Lines arrive in out.txt", () -> waitForLines(outFile, 3));

    command(
        tour,
        "Pause the source, then append two lines to in.txt",
        ExitCode.OK,
        "pause",
        "demo-file-source",
        "--wait");
    Files.write(
        in,
        List.of("fourth line", "fifth line"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    check(
        "While paused, nothing flows",
        () -> {
          sleep(4000);
          long n = lines(outFile);
          return n == 3
              ? ok("out.txt still has 3 lines 4 s later (in.txt has 5)")
              : "out.txt has " + n + " lines";
        });
    command(tour, "Resume it", ExitCode.OK, "resume", "demo-file-source", "--wait");
    check("The two new lines flow again", () -> waitForLines(outFile, 5));

    command(
        tour,
        "Stop the source (its offsets can only be changed while it is STOPPED)",
        ExitCode.OK,
        "stop",
        "demo-file-source",
        "--wait");
    command(
        tour,
        "Where it stopped: the byte position in in.txt",
        ExitCode.OK,
        "offsets",
        "demo-file-source");
    command(tour, "Reset its offsets", ExitCode.OK, "offsets", "reset", "demo-file-source");
    command(tour, "", ExitCode.OK, "resume", "demo-file-source", "--wait");
    check("The source reads in.txt again from the start", () -> waitForLines(outFile, 10));

    command(
        tour,
        "A sink whose output directory does not exist really fails (exit 1)",
        ExitCode.API_FAILED,
        "apply",
        "-f",
        broken.toString(),
        "--wait");
    command(
        tour,
        "Its status, with the task's trace",
        ExitCode.OK,
        "status",
        "demo-broken-sink",
        "-o",
        "yaml");
    Files.createDirectories(missingDir);
    command(
        tour,
        "Create the directory, then restart only what failed",
        ExitCode.OK,
        "restart",
        "demo-broken-sink",
        "--include-tasks",
        "--only-failed",
        "--wait");
    command(
        tour,
        "Delete all three",
        ExitCode.OK,
        "delete",
        "demo-file-source",
        "demo-file-sink",
        "demo-broken-sink",
        "--wait");
  }

  @FunctionalInterface
  private interface Check {
    /** Null when the check held (it prints what it saw), else what was wrong. */
    String run() throws IOException;
  }

  private void command(CliEnvironment tour, String note, int expectedExit, String... args) {
    steps++;
    out.println();
    if (!note.isEmpty()) {
      out.println("# " + note);
    }
    out.println("$ connectctl " + String.join(" ", args));
    out.flush();
    int code = new ConnectCtl(tour).run(args);
    if (code != expectedExit) {
      failed.add(
          "'connectctl "
              + String.join(" ", args)
              + "' exited "
              + code
              + ", expected "
              + expectedExit);
    }
  }

  private void check(String note, Check check) throws IOException {
    steps++;
    out.println();
    out.println("# " + note);
    out.flush();
    String problem = check.run();
    if (problem != null) {
      out.println("  not so: " + problem);
      failed.add(note + ": " + problem);
    }
  }

  private String ok(String seen) {
    out.println("  " + seen);
    return null;
  }

  private String waitForLines(Path file, int expected) throws IOException {
    long deadline = System.currentTimeMillis() + LINE_WAIT_MS;
    long n = lines(file);
    while (n < expected && System.currentTimeMillis() < deadline) {
      sleep(200);
      n = lines(file);
    }
    if (n != expected) {
      return "out.txt has " + n + " lines, expected " + expected;
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    out.println("  out.txt has " + n + " lines: " + String.join(" | ", all));
    return null;
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.API_FAILED, "Demo interrupted");
    }
  }
}
