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
 * (6) Cold start of the CLI: {@code connectctl --version} and one {@code get connectors} against a local mock of the
 * Redpanda spec, each run 10 times; median wall time and peak RSS (from {@code /usr/bin/time}), for {@code ./connectctl}
 * as shipped and for {@code java -jar cli/target/connectctl.jar} under JVM flags meant for short-lived programs.
 *
 * <p>The mock answers every Redpanda operation with its spec example and pages the listing through the
 * {@code first-page} and {@code last-page} examples. (Prism, in static mode, answers every page with the
 * {@code first-page} example, whose token is never empty, so a client that follows tokens would never finish.)
 */
public final class CliStartupBench {
  private static final String SECTION = "6 CLI cold start";
  private static final int RUNS = Integer.getInteger("bench.cli.runs", 10);
  private static final long TIMEOUT_SECONDS = 60;

  private CliStartupBench() {}

  private record Variant(String label, List<String> jvmFlags) {
    boolean viaScript() {
      return jvmFlags == null;
    }
  }

  private record Sample(double seconds, long rssKb) {}

  /** Runs (6) from the repository root. */
  public static void main(String[] args) throws Exception {
    Path script = Path.of(System.getProperty("bench.cli.script", "connectctl")).toAbsolutePath();
    Path jar = Path.of(System.getProperty("bench.cli.jar", "cli/target/connectctl.jar")).toAbsolutePath();
    Path time = Path.of("/usr/bin/time");
    if (!Files.isExecutable(time)) {
      Rows.add(SECTION, "all", "not measured", "–", "FAILED: /usr/bin/time is missing (apt-get install time)");
      return;
    }
    if (!Files.isRegularFile(jar)) {
      Rows.add(SECTION, "all", "not measured", "–", "FAILED: " + jar + " is missing (build the cli module)");
      return;
    }
    Path work = Path.of("bench/target/cli").toAbsolutePath();
    Files.createDirectories(work);
    try (ServerProcess server = ServerProcess.start("spec")) {
      List<String> version = List.of("--version");
      List<String> get = List.of("get", "connectors", "--vendor", "redpanda", "--url", server.baseUrl());
      Map<String, String> env = Map.of("REDPANDA_TOKEN", "bench-token");

      Run check = run(List.of(Jvm.java(), "-jar", jar.toString()), get, env, time, work);
      if (check.exit != 0) {
        Rows.add(SECTION, "get connectors", "not measured", "–",
            "FAILED: 'get connectors' exited " + check.exit + ": " + excerpt(check.output));
        return;
      }

      Path archive = work.resolve("connectctl.jsa");
      Files.deleteIfExists(archive);
      long dumpStart = System.nanoTime();
      Run dump = run(List.of(Jvm.java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()), get, env,
          time, work);
      double dumpSeconds = (System.nanoTime() - dumpStart) / 1e9;
      String cds = "-XX:SharedArchiveFile=" + archive;
      Run verify = run(List.of(Jvm.java(), cds, "-Xshare:on", "-jar", jar.toString()), version, env, time, work);
      boolean cdsWorks = dump.exit == 0 && verify.exit == 0 && Files.isRegularFile(archive);

      List<Variant> variants = new ArrayList<>();
      if (Files.isExecutable(script)) {
        variants.add(new Variant("./connectctl as shipped", null));
      }
      variants.add(new Variant("java -jar (JVM defaults; JDK's own CDS archive on)", List.of()));
      variants.add(new Variant("-Xshare:off (no CDS at all)", List.of("-Xshare:off")));
      variants.add(new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1")));
      if (cdsWorks) {
        variants.add(new Variant("AppCDS archive (-XX:SharedArchiveFile, -Xshare:auto)", List.of(cds)));
        variants.add(new Variant("AppCDS + -XX:TieredStopAtLevel=1", List.of(cds, "-XX:TieredStopAtLevel=1")));
        variants.add(new Variant("AppCDS + -XX:TieredStopAtLevel=1 + -XX:+UseSerialGC",
            List.of(cds, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
      } else {
        Rows.add(SECTION, "AppCDS archive", "not usable", "–", "FAILED: dump exited " + dump.exit
            + ", -Xshare:on check exited " + verify.exit + ": " + excerpt(dump.output + verify.output));
      }

      double[] baseline = null;
      String best = null;
      double bestGet = Double.MAX_VALUE;
      for (Variant variant : variants) {
        List<String> launcher = new ArrayList<>();
        if (variant.viaScript()) {
          launcher.add(script.toString());
        } else {
          launcher.add(Jvm.java());
          launcher.addAll(variant.jvmFlags());
          launcher.addAll(List.of("-jar", jar.toString()));
        }
        double[] v = measure(launcher, version, env, time, work);
        double[] g = measure(launcher, get, env, time, work);
        if (variant.label().startsWith("java -jar")) {
          baseline = new double[] {v[0], g[0]};
        }
        String vs = baseline == null || variant.label().startsWith("java -jar") ? ""
            : "; " + Rows.fmt(100 * (1 - v[0] / baseline[0]), 0) + " % / " + Rows.fmt(100 * (1 - g[0] / baseline[1]), 0)
                + " % faster than JVM defaults";
        Rows.add(SECTION, variant.label(),
            "--version " + Rows.fmt(v[0] * 1000, 0) + " ms, " + Rows.fmt(v[1] / 1024, 0) + " MB; get connectors "
                + Rows.fmt(g[0] * 1000, 0) + " ms, " + Rows.fmt(g[1] / 1024, 0) + " MB" + vs,
            "–", "info (median of " + RUNS + " runs: wall time, peak RSS)");
        if (!variant.viaScript() && g[0] < bestGet) {
          bestGet = g[0];
          best = variant.label();
        }
      }
      if (cdsWorks) {
        Rows.add(SECTION, "AppCDS archive creation (once, at build or first run)",
            Rows.fmt(dumpSeconds, 1) + " s for one training run; archive " + Files.size(archive) / (1024 * 1024)
                + " MB", "–", "info");
      }
      if (best != null && baseline != null) {
        double gain = 100 * (1 - bestGet / baseline[1]);
        Rows.add(SECTION, "recommendation for ./connectctl", best, "keep what pays",
            gain >= 10 ? "use it (" + Rows.fmt(gain, 0) + " % faster get connectors than JVM defaults)"
                : "JVM defaults (the best variant gains only " + Rows.fmt(gain, 0) + " %)");
      }
    }
  }

  /** Runs one command RUNS times (after one unmeasured run) and returns {median seconds, median peak RSS KB}. */
  private static double[] measure(List<String> launcher, List<String> args, Map<String, String> env, Path time,
      Path work) throws IOException, InterruptedException {
    run(launcher, args, env, time, work);
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Run r = run(launcher, args, env, time, work);
      if (r.exit != 0) {
        throw new IllegalStateException(String.join(" ", launcher) + " " + String.join(" ", args) + " exited "
            + r.exit + ": " + excerpt(r.output));
      }
      samples.add(new Sample(r.seconds, r.rssKb));
    }
    double[] seconds = samples.stream().mapToDouble(Sample::seconds).sorted().toArray();
    double[] rss = samples.stream().mapToDouble(Sample::rssKb).sorted().toArray();
    return new double[] {median(seconds), median(rss)};
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private record Run(int exit, double seconds, long rssKb, String output) {}

  private static Run run(List<String> launcher, List<String> args, Map<String, String> env, Path time, Path work)
      throws IOException, InterruptedException {
    Path measured = work.resolve("time.txt");
    Path output = work.resolve("output.txt");
    List<String> command = new ArrayList<>(List.of(time.toString(), "-f", "%e %M", "-o", measured.toString()));
    command.addAll(launcher);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
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
    return new Run(process.exitValue(), seconds, rss, Files.readString(output, StandardCharsets.UTF_8));
  }

  private static String excerpt(String s) {
    String flat = s.replace('\n', ' ').trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
