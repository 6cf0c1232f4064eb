package io.connectctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (8) {@code connectctl get connectors --all-contexts -o json} over fleets of self-managed Kafka
 * Connect workers (loopback stand-ins answering the expanded listing): 20 contexts × 500 connectors
 * with every answer 1 s late against one such context alone; 100 contexts × 100 connectors against
 * one; 20 contexts of which one never answers ({@code --request-timeout 5s}). Each run is {@code
 * ./connectctl} as users start it (its JVM flags and class-data archive), one JVM per run;
 * reported: wall time, rows printed, requests the stand-ins got and the most heap in use after a GC
 * (from the JVM's GC log, asked for through {@code JDK_JAVA_OPTIONS}).
 */
public final class FleetBench {
  private static final String SECTION = "8 fleet";
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern AFTER_GC = Pattern.compile("->(\\d+)M\\(");

  private FleetBench() {}

  /** The result of one CLI run. */
  private record Run(
      double seconds,
      int exitCode,
      long rows,
      long requests,
      long heapMb,
      double cpuSeconds,
      long rssMb,
      String stderr) {}

  /**
   * Runs the three cases; with the argument {@code pair}, only the first (one context against 20).
   * {@code -Dbench.fleet.runs=N} runs that pair N times (default 3), taking turns, and reports the
   * medians; {@code -Dbench.fleet.jvmArgs="…"} passes options to the CLI's JVMs (a profiler, for
   * example).
   */
  public static void main(String[] args) throws Exception {
    Path jar =
        Path.of(System.getProperty("bench.cli.jar", "cli/target/connectctl.jar")).toAbsolutePath();
    Path script = Path.of(System.getProperty("bench.cli.script", "connectctl")).toAbsolutePath();
    if (!Files.isRegularFile(jar) || !Files.isExecutable(script)) {
      Rows.add(
          SECTION,
          "fleet",
          "not measured",
          "–",
          "FAILED: " + jar + " or " + script + " is missing");
      return;
    }
    // the script records its class-data archive on its first run after a build: not in a timed run
    Process first =
        new ProcessBuilder(script.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!first.waitFor(5, TimeUnit.MINUTES) || first.exitValue() != 0) {
      first.destroyForcibly();
      Rows.add(SECTION, "fleet", "not measured", "–", "FAILED: " + script + " --version");
      return;
    }
    Duration late = Duration.ofSeconds(1);
    int pairs = Integer.getInteger("bench.fleet.runs", 3);
    List<Run> ones = new ArrayList<>();
    List<Run> twenties = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      // the two cases take turns, so load from elsewhere falls on both alike
      ones.add(run(script, 1, 500, late, false));
      twenties.add(run(script, 20, 500, late, false));
    }
    Run one = median(ones);
    Run twenty = median(twenties);
    double ratio = twenty.seconds() / one.seconds();
    Rows.add(SECTION, "1 context × 500 connectors, answers 1 s late", describe(one), "–", "info");
    Rows.add(
        SECTION,
        "20 contexts × 500 connectors, answers 1 s late",
        describe(twenty) + "; " + Rows.fmt(ratio, 2) + " × one context",
        "≤ 1.3 × one context, 10,000 rows",
        ratio <= 1.3 && twenty.rows() == 10_000 ? "met" : "MISSED");
    if (List.of(args).contains("pair")) {
      return;
    }
    Run small = run(script, 1, 100, Duration.ZERO, false);
    Run hundred = run(script, 100, 100, Duration.ZERO, false);
    Rows.add(SECTION, "1 context × 100 connectors", describe(small), "–", "info");
    Rows.add(
        SECTION,
        "100 contexts × 100 connectors (default --parallel)",
        describe(hundred)
            + "; "
            + Rows.fmt(hundred.seconds() / small.seconds(), 2)
            + " × one context",
        "10,000 rows, one request per context",
        hundred.rows() == 10_000 && hundred.requests() == 100 ? "met" : "MISSED");
    Run dead = run(script, 20, 500, late, true);
    Rows.add(
        SECTION,
        "20 contexts × 500 connectors, one never answers, --request-timeout 5s",
        describe(dead) + ", exit " + dead.exitCode(),
        "19 × 500 rows, ctx-010 named on stderr, ends within 5 s + a few, exit ≠ 0",
        dead.rows() == 9_500
                && dead.exitCode() != 0
                && dead.seconds() < 5 + 4
                && dead.stderr().contains("'ctx-010'")
            ? "met"
            : "MISSED");
  }

  /** The run of median wall time (the later one of the middle two for an even count). */
  private static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Run::seconds));
    if (runs.size() > 1) {
      System.err.println(
          "fleet: "
              + sorted.stream()
                  .map(r -> Rows.fmt(r.seconds(), 2) + " (CPU " + Rows.fmt(r.cpuSeconds(), 2) + ")")
                  .toList()
              + " s, median "
              + Rows.fmt(sorted.get(sorted.size() / 2).seconds(), 2));
    }
    return sorted.get(sorted.size() / 2);
  }

  private static String describe(Run run) {
    return Rows.fmt(run.seconds(), 2)
        + " s, "
        + String.format("%,d", run.rows())
        + " rows, "
        + run.requests()
        + " requests, heap after GC at most "
        + run.heapMb()
        + " MB"
        + (run.rssMb() < 0 ? "" : ", peak RSS " + run.rssMb() + " MB")
        + (run.cpuSeconds() < 0 ? "" : ", CPU " + Rows.fmt(run.cpuSeconds(), 2) + " s");
  }

  /** Starts the stand-ins, runs the CLI once over all of them, stops them. */
  private static Run run(Path script, int contexts, int connectors, Duration late, boolean oneDead)
      throws IOException, InterruptedException {
    AtomicLong requests = new AtomicLong();
    AtomicLong firstAnswer = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    byte[] listing = listing(connectors, true);
    byte[] statuses = listing(connectors, false);
    List<MockServer> servers = new ArrayList<>();
    Path dir = Files.createTempDirectory("fleet-bench");
    try {
      StringBuilder config = new StringBuilder("contexts:\n");
      for (int i = 0; i < contexts; i++) {
        boolean dead = oneDead && i == contexts / 2; // ctx-010 of 20
        MockServer server =
            MockServer.start(
                2,
                dead ? Duration.ofMinutes(10) : late,
                request -> {
                  requests.incrementAndGet();
                  long now = System.nanoTime();
                  firstAnswer.compareAndSet(0, now);
                  lastAnswer.set(now);
                  // as a worker answers: the definitions only when expand=info is asked for
                  return MockServer.Reply.json(
                      200, request.rawQuery().contains("expand=info") ? listing : statuses);
                });
        servers.add(server);
        config
            .append("  ctx-")
            .append(String.format("%03d", i))
            .append(":\n    vendor: kafka-connect\n    url: ")
            .append(server.baseUrl())
            .append('\n');
      }
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, config);
      Path gcLog = dir.resolve("gc.log");
      Path out = dir.resolve("out.json");
      List<String> command = new ArrayList<>();
      Path cpuFile = dir.resolve("cpu.txt");
      if (Files.isExecutable(TIME)) {
        // user + system CPU of the CLI's JVM (what the wall time of a loaded machine hides) and its
        // peak resident memory (the script execs the JVM, so they are the JVM's)
        command.addAll(List.of(TIME.toString(), "-f", "%U %S %M", "-o", cpuFile.toString()));
      }
      command.addAll(List.of(script.toString(), "get", "connectors"));
      command.addAll(List.of("--all-contexts", "-o", "json"));
      if (oneDead) {
        command.addAll(List.of("--request-timeout", "5s"));
      }
      Path err = dir.resolve("err.txt");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      // the java launcher reads JDK_JAVA_OPTIONS (and says so on stderr, which is kept apart)
      String extra = System.getProperty("bench.fleet.jvmArgs", "").trim();
      builder
          .environment()
          .put("JDK_JAVA_OPTIONS", ("-Xlog:gc:file=" + gcLog + " " + extra).trim());
      builder.environment().put("CONNECTCTL_CONFIG", file.toString());
      builder.environment().put("HOME", dir.toString());
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // the stand-ins answer once the latency is over: how far apart the contexts' requests went
      System.err.printf(
          "fleet: %d contexts: answers %.3f s to %.3f s after the start, exit at %.3f s%n",
          contexts, (firstAnswer.get() - start) / 1e9, (lastAnswer.get() - start) / 1e9, seconds);
      long rows = 0;
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        if (line.contains("\"vendorDetails\"")) {
          rows++;
        }
      }
      long heap = 0;
      if (Files.exists(gcLog)) {
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
          Matcher m = AFTER_GC.matcher(line);
          while (m.find()) {
            heap = Math.max(heap, Long.parseLong(m.group(1)));
          }
        }
      }
      double cpu = -1;
      long rss = -1;
      if (Files.exists(cpuFile)) {
        List<String> lines = Files.readAllLines(cpuFile, StandardCharsets.UTF_8);
        String[] parts = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).split(" ");
        if (parts.length == 3) {
          cpu = Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
          rss = Long.parseLong(parts[2]) / 1024;
        }
      }
      return new Run(
          seconds,
          process.exitValue(),
          rows,
          requests.get(),
          heap,
          cpu,
          rss,
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      servers.forEach(MockServer::close);
    }
  }

  /**
   * A Kafka Connect {@code GET /connectors?expand=status} body, with {@code info} the body of
   * {@code ?expand=status&expand=info}.
   */
  private static byte[] listing(int connectors, boolean info) {
    StringBuilder body = new StringBuilder("{");
    for (int i = 0; i < connectors; i++) {
      String name = String.format("connector-%04d", i);
      if (i > 0) {
        body.append(',');
      }
      body.append('"')
          .append(name)
          .append("\":{\"status\":{\"name\":\"")
          .append(name)
          .append(
              "\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"},"
                  + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"}],"
                  + "\"type\":\"sink\"}");
      if (info) {
        body.append(",\"info\":{\"name\":\"")
            .append(name)
            .append(
                "\",\"config\":{\"connector.class\":\"org.example.Sink\",\"tasks.max\":\"1\"},"
                    + "\"tasks\":[{\"connector\":\"")
            .append(name)
            .append("\",\"task\":0}],\"type\":\"sink\"}");
      }
      body.append('}');
    }
    return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
