package io.connectctl.cli.local;

import com.squareup.moshi.Moshi;
import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The cloud gateways of {@code connectctl local up --clouds}: Redpanda's, Confluent's and Yandex's
 * APIs over the local worker, run by {@code io.connectctl.gateways.GatewaysMain} in a child JVM of
 * their own. Their classes and Moshi sit in the checkout's {@code gateways/target/gateways-lib} (or
 * the directory the {@value #LIB_PROPERTY} system property names), never on connectctl's own
 * classpath. The child writes its URLs to {@code gateways.json} in the cluster's directory, logs to
 * {@code logs/gateways.out}, and exits with the worker it fronts. Used by the {@code local}
 * commands and by {@code connectctl demo}.
 */
public final class LocalGateways {
  /** The system property naming the gateways' lib directory ({@code ./connectctl} sets it). */
  public static final String LIB_PROPERTY = "connectctl.gateways.lib";

  public static final String LIB_IN_CHECKOUT = "gateways/target/gateways-lib";
  public static final String MAIN = "io.connectctl.gateways.GatewaysMain";
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Path dataDir;
  private final Path lib;
  private final Consumer<String> progress;

  /**
   * @param dataDir the local cluster's directory (the state file and log go there)
   * @param installDir the connectctl checkout, where {@value #LIB_IN_CHECKOUT} is, unless {@value
   *     #LIB_PROPERTY} is set
   * @param progress receives a line per step
   */
  public LocalGateways(Path dataDir, Path installDir, Consumer<String> progress) {
    this.dataDir = dataDir;
    String property = System.getProperty(LIB_PROPERTY, "");
    this.lib = property.isBlank() ? installDir.resolve(LIB_IN_CHECKOUT) : Path.of(property);
    this.progress = progress;
  }

  private Path stateFile() {
    return dataDir.resolve("gateways.json");
  }

  private Path logFile() {
    return dataDir.resolve("logs").resolve("gateways.out");
  }

  /**
   * Starts the gateways in front of the worker, or finds them running: the state ({@code pid},
   * {@code redpanda}, {@code confluent}, {@code yandex}) plus {@code started} and {@code
   * start_seconds}.
   */
  public Map<String, Object> up(String connectUrl, String bootstrap, long workerPid) {
    Optional<Map<String, Object>> running = status();
    if (running.isPresent()) {
      Map<String, Object> state = new LinkedHashMap<>(running.get());
      state.put("started", false);
      state.put("start_seconds", 0.0);
      return state;
    }
    requireLib();
    long began = System.nanoTime();
    deleteState();
    List<String> command = new ArrayList<>();
    Path setsid = Path.of("/usr/bin/setsid");
    if (Files.isExecutable(setsid)) {
      command.add(setsid.toString());
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms32m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            lib.resolve("classes") + File.pathSeparator + lib + File.separator + "*",
            MAIN,
            "--connect-url",
            connectUrl,
            "--bootstrap",
            bootstrap,
            "--state-file",
            stateFile().toString(),
            "--exit-with-pid",
            Long.toString(workerPid)));
    progress.accept(
        "Starting the cloud gateways (Redpanda, Confluent, Yandex) over " + connectUrl + " ...");
    Process process;
    try {
      Files.createDirectories(logFile().getParent());
      process =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Cannot start the gateways' JVM: " + e.getMessage(), e);
    }
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (true) {
      Optional<Map<String, Object>> state = read();
      if (state.isPresent()
          && state.get().get("pid") instanceof Number pid
          && pid.longValue() == process.pid()
          && answers(state.get())) {
        Map<String, Object> view = new LinkedHashMap<>(state.get());
        view.put("started", true);
        view.put("start_seconds", (System.nanoTime() - began) / 1_000_000 / 1000.0);
        return view;
      }
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new CliException(
            ExitCode.API_FAILED,
            "The cloud gateways did not start"
                + (process.isAlive() ? " within " + START_TIMEOUT_MILLIS / 1000 + " s" : "")
                + "; the end of "
                + logFile()
                + ":\n"
                + tail(logFile()));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new CliException(ExitCode.API_FAILED, "Interrupted while starting the gateways", e);
      }
    }
  }

  /** The running gateways' state, or empty (no state file, or its process is gone or not ours). */
  public Optional<Map<String, Object>> status() {
    return read().filter(state -> process(state).isPresent());
  }

  /** Stops the gateways; whether they were running. */
  public boolean down() {
    Optional<ProcessHandle> process = read().flatMap(this::process);
    process.ifPresent(
        p -> {
          progress.accept("Stopping the cloud gateways (pid " + p.pid() + ") ...");
          p.destroy();
          try {
            p.onExit().get(20, TimeUnit.SECONDS);
          } catch (Exception notYet) {
            p.destroyForcibly();
            try {
              p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new CliException(
                  ExitCode.API_FAILED, "The gateways (pid " + p.pid() + ") did not stop");
            }
          }
        });
    deleteState();
    return process.isPresent();
  }

  /** The state file's process, if alive and running GatewaysMain for this directory. */
  private Optional<ProcessHandle> process(Map<String, Object> state) {
    if (!(state.get("pid") instanceof Number pid)) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid.longValue())
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .commandLine()
                    .map(line -> line.contains(MAIN) && line.contains(stateFile().toString()))
                    .orElse(true));
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> read() {
    try {
      if (!Files.exists(stateFile())) {
        return Optional.empty();
      }
      Object json =
          new Moshi.Builder().build().adapter(Object.class).fromJson(Files.readString(stateFile()));
      if (!(json instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) map);
      if (state.get("pid") instanceof Number pid) {
        state.put("pid", pid.longValue());
      }
      return Optional.of(state);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private void deleteState() {
    try {
      Files.deleteIfExists(stateFile());
    } catch (IOException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Cannot remove " + stateFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the Redpanda gateway answers (the three start together; the state file is written after
   * all three).
   */
  private static boolean answers(Map<String, Object> state) {
    Object redpanda = state.get("redpanda");
    if (!(redpanda instanceof Map<?, ?> map) || !(map.get("url") instanceof String url)) {
      return false;
    }
    try {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create(url + "/v1/kafka-connect/clusters").toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private void requireLib() {
    if (!Files.isDirectory(
        lib.resolve("classes").resolve("io").resolve("connectctl").resolve("gateways"))) {
      throw new CliException(
          ExitCode.API_FAILED,
          "The cloud gateways are not built in "
              + lib
              + "; build them with "
              + "'./mvnw -B -pl gateways -am package -DskipTests' in the connectctl checkout (or set -D"
              + LIB_PROPERTY
              + "=DIR)");
    }
  }

  private static String tail(Path file) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
