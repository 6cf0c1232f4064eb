package io.connectctl.gateways;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the three gateways in a process of their own, for a sandbox that outlives the command that
 * started it:
 *
 * <pre>
 * java -cp ... io.connectctl.gateways.GatewaysMain --connect-url URL --bootstrap HOST:PORT --state-file FILE
 *     [--exit-with-pid PID] [--confluent-rate REQUESTS/SECONDS]
 * </pre>
 *
 * Once the gateways answer, their URLs and ids are written to the state file as JSON ({@code pid},
 * {@code redpanda.url}, {@code confluent.url}, {@code confluent.environment}, {@code
 * confluent.cluster}, {@code yandex.url}, {@code yandex.cluster}). The process runs until it is
 * killed or, with {@code --exit-with-pid}, until that process (typically the Connect worker) has
 * exited; the state file is removed on the way out.
 */
public final class GatewaysMain {
  private GatewaysMain() {}

  /**
   * Starts the gateways and waits.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String connectUrl = required(options, "--connect-url");
    String bootstrap = required(options, "--bootstrap");
    Path stateFile = Path.of(required(options, "--state-file"));
    ConfluentGateway.Settings confluentSettings =
        ConfluentGateway.Settings.defaults().withBootstrapServers(bootstrap);
    String rate = options.get("--confluent-rate");
    if (rate != null) {
      String[] parts = rate.split("/");
      try {
        confluentSettings =
            confluentSettings.withRateLimit(
                Integer.parseInt(parts[0]),
                Duration.ofSeconds(parts.length > 1 ? Long.parseLong(parts[1]) : 1));
      } catch (NumberFormatException e) {
        usage("--confluent-rate must be REQUESTS/SECONDS, e.g. 60/60, not '" + rate + "'");
      }
    }
    ConnectWorker worker = new ConnectWorker(connectUrl);
    RedpandaGateway redpanda = RedpandaGateway.start(worker);
    ConfluentGateway confluent = ConfluentGateway.start(worker, confluentSettings);
    YandexGateway yandex = YandexGateway.start(worker, bootstrap);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable c : List.<AutoCloseable>of(redpanda, confluent, yandex)) {
                    try {
                      c.close();
                    } catch (Exception ignored) {
                      // stopping anyway
                    }
                  }
                  try {
                    Files.deleteIfExists(stateFile);
                  } catch (IOException ignored) {
                    // nothing more to do
                  }
                  stopped.countDown();
                },
                "gateways-stop"));

    Map<String, Object> state = new LinkedHashMap<>();
    state.put("pid", ProcessHandle.current().pid());
    state.put(
        "redpanda", Json.map("url", redpanda.url(), "connect_cluster", RedpandaGateway.CLUSTER));
    state.put(
        "confluent",
        Json.map(
            "url",
            confluent.url(),
            "environment",
            confluent.environmentId(),
            "cluster",
            confluent.clusterId()));
    state.put("yandex", Json.map("url", yandex.url(), "cluster", yandex.clusterId()));
    Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
    Files.writeString(tmp, Json.write(state) + "\n");
    Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    String pid = options.get("--exit-with-pid");
    if (pid != null) {
      Optional<ProcessHandle> watched = ProcessHandle.of(Long.parseLong(pid));
      if (watched.isEmpty()) {
        System.exit(0);
      }
      watched.get().onExit().join();
      System.exit(0);
    }
    stopped.await();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("unexpected argument '" + args[i] + "'");
      }
      options.put(args[i], args[++i]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      usage(name + " is required");
    }
    return value;
  }

  private static void usage(String problem) {
    System.err.println(
        "gateways: "
            + problem
            + "\nusage: GatewaysMain --connect-url URL --bootstrap HOST:PORT "
            + "--state-file FILE [--exit-with-pid PID] [--confluent-rate REQUESTS/SECONDS]");
    System.exit(2);
  }
}
