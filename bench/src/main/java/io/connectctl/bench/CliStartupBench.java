package io.connectctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (6) Cold start of the CLI: {@code connectctl --version} and one {@code get connectors} against a
 * local mock of the Redpanda spec, each run 10 times; median wall time and peak RSS (from {@code
 * /usr/bin/time}), for {@code ./connectctl} as shipped and for {@code java -jar
 * cli/target/connectctl.jar} under JVM flags meant for short-lived programs.
 *
 * <p>The mock answers every Redpanda operation with its spec example and pages the listing through
 * the {@code first-page} and {@code last-page} examples. (Prism, in static mode, answers every page
 * with the same example whatever the token, so it cannot page.)
 */
public final class CliStartupBench {
  private static final String SECTION = "6 CLI cold start";
  private static final int RUNS = Integer.getInteger("bench.cli.runs", 10);
  private static final long TIMEOUT_SECONDS = 60;

  private CliStartupBench() {}

  private record Variant(String label, String java, List<String> jvmFlags) {
    Variant(String label, List<String> jvmFlags) {
      this(label, Jvm.java(), jvmFlags);
    }

    boolean viaScript() {
      return jvmFlags == null;
    }
  }

  /** The flags ./connectctl starts the JVM with (besides its class-data archive). */
  private static final List<String> SCRIPT_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Runs (6) from the repository root. */
  public static void main(String[] args) throws Exception {
    Path script = Path.of(System.getProperty("bench.cli.script", "connectctl")).toAbsolutePath();
    Path jar =
        Path.of(System.getProperty("bench.cli.jar", "cli/target/connectctl.jar")).toAbsolutePath();
    Path time = Path.of("/usr/bin/time");
    if (!Files.isExecutable(time)) {
      Rows.add(
          SECTION,
          "all",
          "not measured",
          "–",
          "FAILED: /usr/bin/time is missing (apt-get install time)");
      return;
    }
    if (!Files.isRegularFile(jar)) {
      Rows.add(
          SECTION,
          "all",
          "not measured",
          "–",
          "FAILED: " + jar + " is missing (build the cli module)");
      return;
    }
    Path work = Path.of("bench/target/cli").toAbsolutePath();
    Files.createDirectories(work);
    try (ServerProcess server = ServerProcess.start("spec")) {
      List<String> version = List.of("--version");
      List<String> get =
          List.of("get", "connectors", "--vendor", "redpanda", "--url", server.baseUrl());
      Map<String, String> env = Map.of("REDPANDA_TOKEN", "bench-token");

      Run check = run(List.of(Jvm.java(), "-jar", jar.toString()), get, env, time, work);
      if (check.exit != 0) {
        Rows.add(
            SECTION,
            "get connectors",
            "not measured",
            "–",
            "FAILED: 'get connectors' exited " + check.exit + ": " + excerpt(check.output));
        return;
      }

      Path archive = work.resolve("connectctl.jsa");
      Files.deleteIfExists(archive);
      long dumpStart = System.nanoTime();
      Run dump =
          run(
              List.of(Jvm.java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()),
              get,
              env,
              time,
              work);
      double dumpSeconds = (System.nanoTime() - dumpStart) / 1e9;
      String cds = "-XX:SharedArchiveFile=" + archive;
      Run verify =
          run(
              List.of(Jvm.java(), cds, "-Xshare:on", "-jar", jar.toString()),
              version,
              env,
              time,
              work);
      boolean cdsWorks = dump.exit == 0 && verify.exit == 0 && Files.isRegularFile(archive);

      List<Variant> variants = new ArrayList<>();
      if (Files.isExecutable(script)) {
        variants.add(new Variant("./connectctl as shipped", null));
      }
      variants.add(new Variant("java -jar (JVM defaults; JDK's own CDS archive on)", List.of()));
      variants.add(new Variant("-Xshare:off (no CDS at all)", List.of("-Xshare:off")));
      variants.add(new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1")));
      if (cdsWorks) {
        variants.add(
            new Variant("AppCDS archive (-XX:SharedArchiveFile, -Xshare:auto)", List.of(cds)));
        variants.add(
            new Variant(
                "AppCDS + -XX:TieredStopAtLevel=1", List.of(cds, "-XX:TieredStopAtLevel=1")));
        variants.add(
            new Variant(
                "AppCDS + -XX:TieredStopAtLevel=1 + -XX:+UseSerialGC",
                List.of(cds, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
      } else {
        Rows.add(
            SECTION,
            "AppCDS archive",
            "not usable",
            "–",
            "FAILED: dump exited "
                + dump.exit
                + ", -Xshare:on check exited "
                + verify.exit
                + ": "
                + excerpt(dump.output + verify.output));
      }

      // JDK 25 (when present): the same jar with an ahead-of-time cache recorded by one training
      // run.
      Path java25 =
          Path.of(
              System.getProperty("bench.cli.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
      Path aot = work.resolve("connectctl-jdk25.aot");
      boolean aotWorks = false;
      double aotSeconds = 0;
      if (Files.isExecutable(java25)) {
        Files.deleteIfExists(aot);
        List<String> training = new ArrayList<>(List.of(java25.toString()));
        training.addAll(SCRIPT_FLAGS);
        training.addAll(
            List.of(
                "-XX:AOTCacheOutput=" + aot,
                "-Xlog:aot=off",
                "-Xlog:cds=off",
                "-jar",
                jar.toString()));
        long aotStart = System.nanoTime();
        Run trained = run(training, get, env, time, work);
        aotSeconds = (System.nanoTime() - aotStart) / 1e9;
        aotWorks = trained.exit == 0 && Files.isRegularFile(aot);
        if (aotWorks) {
          List<String> flags = new ArrayList<>(SCRIPT_FLAGS);
          flags.addAll(List.of("-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off"));
          variants.add(
              new Variant(
                  "JDK 25 + AOT cache (-XX:AOTCache) + -XX:TieredStopAtLevel=1 + -XX:+UseSerialGC",
                  java25.toString(),
                  flags));
          variants.add(new Variant("JDK 25, JVM defaults", java25.toString(), List.of()));
        } else {
          Rows.add(
              SECTION,
              "JDK 25 AOT cache",
              "not usable",
              "–",
              "FAILED: training run exited " + trained.exit + ": " + excerpt(trained.output));
        }
      }

      List<List<String>> launchers = new ArrayList<>();
      for (Variant variant : variants) {
        List<String> launcher = new ArrayList<>();
        if (variant.viaScript()) {
          launcher.add(script.toString());
        } else {
          launcher.add(variant.java());
          launcher.addAll(variant.jvmFlags());
          launcher.addAll(List.of("-jar", jar.toString()));
        }
        launchers.add(launcher);
      }
      // The JVM floor: a bare 'java -version' with the flags ./connectctl uses, measured in the
      // same rounds.
      List<String> floor = new ArrayList<>(List.of(Jvm.java()));
      floor.addAll(SCRIPT_FLAGS);
      floor.addAll(List.of("-Xshare:auto", "-version"));
      List<List<String>> withFloor = new ArrayList<>(launchers);
      withFloor.add(floor);
      List<List<String>> versionRuns = new ArrayList<>();
      List<List<String>> getRuns = new ArrayList<>();
      for (List<String> launcher : launchers) {
        versionRuns.add(concat(launcher, version));
        getRuns.add(concat(launcher, get));
      }
      versionRuns.add(floor);
      getRuns.add(floor);
      double[][] v = measure(versionRuns, env, time, work);
      double[][] g = measure(getRuns, env, time, work);
      double floorSeconds = (v[launchers.size()][0] + g[launchers.size()][0]) / 2;
      Rows.add(
          SECTION,
          "JVM floor: java " + String.join(" ", SCRIPT_FLAGS) + " -Xshare:auto -version",
          Rows.fmt(floorSeconds * 1000, 0)
              + " ms, "
              + Rows.fmt(g[launchers.size()][1] / 1024, 0)
              + " MB",
          "–",
          "info (median of " + RUNS + " runs, in the same rounds as every variant)");
      int defaults = 0;
      while (!variants.get(defaults).label().startsWith("java -jar")) {
        defaults++;
      }
      int best = -1;
      double bestTotal = Double.MAX_VALUE;
      for (int i = 0; i < variants.size(); i++) {
        Variant variant = variants.get(i);
        String vs =
            i == defaults
                ? ""
                : "; time vs JVM defaults: "
                    + percent(v[i][0] / v[defaults][0])
                    + " / "
                    + percent(g[i][0] / g[defaults][0]);
        Rows.add(
            SECTION,
            variant.label(),
            "--version "
                + Rows.fmt(v[i][0] * 1000, 0)
                + " ms, "
                + Rows.fmt(v[i][1] / 1024, 0)
                + " MB; get connectors "
                + Rows.fmt(g[i][0] * 1000, 0)
                + " ms, "
                + Rows.fmt(g[i][1] / 1024, 0)
                + " MB"
                + vs,
            "–",
            "info (median of " + RUNS + " runs: wall time, peak RSS)");
        if (!variant.viaScript() && v[i][0] + g[i][0] < bestTotal) {
          bestTotal = v[i][0] + g[i][0];
          best = i;
        }
      }
      if (variants.get(0).viaScript()) {
        double versionRatio = v[0][0] / floorSeconds;
        double getRatio = g[0][0] / floorSeconds;
        Rows.add(
            SECTION,
            "./connectctl --version vs the JVM floor",
            Rows.fmt(versionRatio, 2)
                + " × ("
                + Rows.fmt(v[0][0] * 1000, 0)
                + " ms vs "
                + Rows.fmt(floorSeconds * 1000, 0)
                + " ms)",
            "≤ 1.5 × floor",
            Rows.verdict(versionRatio, 1.5));
        Rows.add(
            SECTION,
            "./connectctl get connectors (local mock) vs the JVM floor",
            Rows.fmt(getRatio, 2)
                + " × ("
                + Rows.fmt(g[0][0] * 1000, 0)
                + " ms vs "
                + Rows.fmt(floorSeconds * 1000, 0)
                + " ms)",
            "≤ 2.5 × floor",
            Rows.verdict(getRatio, 2.5));
      }
      if (aotWorks) {
        Rows.add(
            SECTION,
            "JDK 25 AOT cache creation (one training run, -XX:AOTCacheOutput)",
            Rows.fmt(aotSeconds, 1) + " s; cache " + Files.size(aot) / (1024 * 1024) + " MB",
            "–",
            "info");
      }
      if (cdsWorks) {
        Rows.add(
            SECTION,
            "AppCDS archive creation (once, at build or first run)",
            Rows.fmt(dumpSeconds, 1)
                + " s for one training run; archive "
                + Files.size(archive) / (1024 * 1024)
                + " MB",
            "–",
            "info");
      }
      if (best >= 0) {
        double gain = 100 * (1 - bestTotal / (v[defaults][0] + g[defaults][0]));
        Rows.add(
            SECTION,
            "recommendation for ./connectctl (fastest --version + get connectors)",
            variants.get(best).label(),
            "keep what pays",
            gain >= 10
                ? "use it: "
                    + Rows.fmt(gain, 0)
                    + " % less time than JVM defaults, peak RSS "
                    + Rows.fmt(g[best][1] / 1024, 0)
                    + " MB vs "
                    + Rows.fmt(g[defaults][1] / 1024, 0)
                    + " MB"
                : "keep JVM defaults: the best variant saves only " + Rows.fmt(gain, 0) + " %");
      }
    }
  }

  /**
   * Runs one command with every launcher: one unmeasured run each, then RUNS rounds in which every
   * launcher runs once, so load from elsewhere falls on all of them alike. Returns {median seconds,
   * median peak RSS KB} per launcher.
   */
  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static double[][] measure(
      List<List<String>> launchers, Map<String, String> env, Path time, Path work)
      throws IOException, InterruptedException {
    List<String> args = List.of();
    for (List<String> launcher : launchers) {
      run(launcher, args, env, time, work);
    }
    double[][] seconds = new double[launchers.size()][RUNS];
    double[][] rss = new double[launchers.size()][RUNS];
    for (int round = 0; round < RUNS; round++) {
      for (int i = 0; i < launchers.size(); i++) {
        Run r = run(launchers.get(i), args, env, time, work);
        if (r.exit != 0) {
          throw new IllegalStateException(
              String.join(" ", launchers.get(i))
                  + " "
                  + String.join(" ", args)
                  + " exited "
                  + r.exit
                  + ": "
                  + excerpt(r.output));
        }
        seconds[i][round] = r.seconds;
        rss[i][round] = r.rssKb;
      }
    }
    double[][] medians = new double[launchers.size()][];
    for (int i = 0; i < launchers.size(); i++) {
      medians[i] = new double[] {median(seconds[i]), median(rss[i])};
    }
    return medians;
  }

  private static String percent(double ratio) {
    double change = 100 * (ratio - 1);
    return (change >= 0 ? "+" : "−") + Rows.fmt(Math.abs(change), 0) + " %";
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private record Run(int exit, double seconds, long rssKb, String output) {}

  private static Run run(
      List<String> launcher, List<String> args, Map<String, String> env, Path time, Path work)
      throws IOException, InterruptedException {
    Path measured = work.resolve("time.txt");
    Path output = work.resolve("output.txt");
    List<String> command =
        new ArrayList<>(List.of(time.toString(), "-f", "%e %M", "-o", measured.toString()));
    command.addAll(launcher);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      return new Run(-1, TIMEOUT_SECONDS, 0, "timed out after " + TIMEOUT_SECONDS + " s");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long rss = 0;
    String[] lines = Files.readString(measured, StandardCharsets.UTF_8).trim().split("\n");
    String[] fields = lines[lines.length - 1].trim().split(" ");
    if (fields.length == 2) {
      rss = Long.parseLong(fields[1]);
    }
    return new Run(
        process.exitValue(), seconds, rss, Files.readString(output, StandardCharsets.UTF_8));
  }

  private static String excerpt(String s) {
    String flat = s.replace('\n', ' ').trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
