package io.connectctl.cli.demo;

import com.squareup.moshi.Moshi;
import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's cloud tour: on each cloud's local gateway ({@code connectctl local up --clouds} starts
 * them over the real Connect worker), connectctl creates a connector, pauses it and resumes it, and
 * after each step prints the state the vendor's API reports beside the state the worker itself
 * reports, read straight from the worker's REST API. Nothing is staged: the vendor's state is
 * whatever the gateway derives from the worker at that moment.
 *
 * <p>It writes a throwaway config with the {@code local-redpanda}, {@code local-confluent} and
 * {@code local-yandex} contexts into its work directory, and deletes the connectors it made at the
 * end. The tour succeeds only if every command exited as expected and the vendor and the worker
 * agreed after every step.
 */
public final class CloudTour {
  /**
   * Where the gateways listen, as {@code local up --clouds} reports them.
   *
   * @param redpandaUrl the Redpanda Data Plane API's base URL
   * @param confluentUrl the Confluent Connect v1 API's base URL
   * @param confluentEnvironment the Confluent environment id the gateway serves
   * @param confluentCluster the Confluent Kafka cluster id the gateway serves
   * @param yandexUrl the Yandex connector and operation services' base URL
   * @param yandexCluster the Yandex Managed Kafka cluster id the gateway serves
   */
  public record Gateways(
      String redpandaUrl,
      String confluentUrl,
      String confluentEnvironment,
      String confluentCluster,
      String yandexUrl,
      String yandexCluster) {
    /** Validates. */
    public Gateways {
      Objects.requireNonNull(redpandaUrl, "redpandaUrl");
      Objects.requireNonNull(confluentUrl, "confluentUrl");
      Objects.requireNonNull(confluentEnvironment, "confluentEnvironment");
      Objects.requireNonNull(confluentCluster, "confluentCluster");
      Objects.requireNonNull(yandexUrl, "yandexUrl");
      Objects.requireNonNull(yandexCluster, "yandexCluster");
    }

    /**
     * From the {@code clouds} object of {@code local up --clouds -o json} (or the gateways' state
     * file).
     */
    public static Gateways fromState(Map<String, ?> state) {
      Map<?, ?> redpanda = (Map<?, ?>) state.get("redpanda");
      Map<?, ?> confluent = (Map<?, ?>) state.get("confluent");
      Map<?, ?> yandex = (Map<?, ?>) state.get("yandex");
      return new Gateways(
          String.valueOf(redpanda.get("url")),
          String.valueOf(confluent.get("url")),
          String.valueOf(confluent.get("environment")),
          String.valueOf(confluent.get("cluster")),
          String.valueOf(yandex.get("url")),
          String.valueOf(yandex.get("cluster")));
    }
  }

  private static final String WAIT = "90s";

  private final CliEnvironment environment;
  private final Gateways gateways;
  private final String workerUrl;
  private final Path workDir;
  private final List<String> failures = new ArrayList<>();
  private int steps;

  /**
   * @param environment where the tour prints (and the variables the CLI sees)
   * @param gateways where the gateways listen
   * @param workerUrl the Connect worker behind them, asked directly for its own view
   * @param workDir a directory for the tour's config and connector files
   */
  public CloudTour(CliEnvironment environment, Gateways gateways, String workerUrl, Path workDir) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.gateways = Objects.requireNonNull(gateways, "gateways");
    this.workerUrl = Objects.requireNonNull(workerUrl, "workerUrl");
    this.workDir = Objects.requireNonNull(workDir, "workDir");
  }

  /**
   * Runs the tour.
   *
   * @return {@link ExitCode#OK} when every step worked and the worker agreed with the vendor each
   *     time, else {@link ExitCode#API_FAILED} (the failures are printed to stderr)
   * @throws IOException if the tour's files cannot be written
   */
  public int run() throws IOException {
    PrintStream out = environment.out();
    Path config =
        Files.writeString(workDir.resolve("clouds.yaml"), config(), StandardCharsets.UTF_8);
    Path input =
        Files.write(workDir.resolve("orders.txt"), List.of("order-1", "order-2", "order-3"));
    Map<String, String> env = new HashMap<>(environment.env());
    env.put("CONNECTCTL_CONFIG", config.toString());
    env.put("TOUR_REDPANDA_TOKEN", "local-redpanda-token");
    env.put("TOUR_CONFLUENT_API_KEY", "LOCALKEY");
    env.put("TOUR_CONFLUENT_API_SECRET", "local-confluent-secret");
    env.put("TOUR_YC_IAM_TOKEN", "local-yandex-iam-token");
    CliEnvironment cli = environment.with(env, environment.clients());
    out.println(
        "The cloud tour: each cloud's API, served by a local gateway over the real Connect worker at "
            + workerUrl
            + ". Contexts:");
    out.println();
    out.print(Files.readString(config));

    cloud(
        cli,
        "local-redpanda",
        "Redpanda",
        "orders-redpanda",
        Files.writeString(
            workDir.resolve("orders-redpanda.yaml"), fileSource("orders-redpanda", input)));
    cloud(
        cli,
        "local-confluent",
        "Confluent",
        "orders-confluent",
        Files.writeString(
            workDir.resolve("orders-confluent.yaml"), fileSource("orders-confluent", input)));
    cloud(
        cli,
        "local-yandex",
        "Yandex",
        "orders-yandex",
        Files.writeString(workDir.resolve("orders-yandex.yaml"), mirrorMaker("orders-yandex")));

    out.println();
    if (failures.isEmpty()) {
      out.println(
          "Cloud tour finished: all "
              + steps
              + " steps worked, and the worker agreed with every cloud.");
      return ExitCode.OK;
    }
    failures.forEach(f -> environment.err().println("error: cloud tour: " + f));
    out.println("Cloud tour finished: " + failures.size() + " of " + steps + " checks failed.");
    return ExitCode.API_FAILED;
  }

  private void cloud(CliEnvironment cli, String context, String cloud, String name, Path manifest) {
    PrintStream out = environment.out();
    out.println();
    out.println("## " + cloud + " (context " + context + ")");
    step(
        cli,
        "Create a connector from a file and wait until it runs",
        List.of(
            "apply", "-f", manifest.toString(), "--context", context, "--wait", "--timeout", WAIT));
    compare(cli, context, name, "RUNNING");
    step(
        cli,
        "Pause it: the gateway asks the worker, and connectctl waits for the state",
        List.of("pause", name, "--context", context, "--wait", "--timeout", WAIT));
    compare(cli, context, name, "PAUSED");
    step(
        cli,
        "Resume it",
        List.of("resume", name, "--context", context, "--wait", "--timeout", WAIT));
    compare(cli, context, name, "RUNNING");
    step(
        cli,
        "Clean up",
        List.of("delete", name, "--context", context, "--wait", "--timeout", WAIT));
  }

  private void step(CliEnvironment cli, String note, List<String> args) {
    PrintStream out = environment.out();
    out.println();
    out.println("# " + note);
    out.println("$ connectctl " + String.join(" ", args));
    out.flush();
    steps++;
    int code = new ConnectCtl(cli).run(args.toArray(String[]::new));
    if (code != ExitCode.OK) {
      failures.add("'connectctl " + String.join(" ", args) + "' exited " + code);
    }
  }

  /**
   * Prints the vendor's state (through connectctl) beside the worker's own, and records a
   * disagreement.
   */
  private void compare(CliEnvironment cli, String context, String name, String expected) {
    steps++;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String vendorState;
    try (PrintStream o = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
      CliEnvironment quiet =
          new CliEnvironment(cli.env(), cli.home(), cli.installDir(), o, e, cli.clients());
      int code = new ConnectCtl(quiet).run("status", name, "--context", context, "-o", "json");
      vendorState =
          code == ExitCode.OK
              ? field(captured.toString(StandardCharsets.UTF_8), "state")
              : "(exit " + code + ": " + errors.toString(StandardCharsets.UTF_8).strip() + ")";
    }
    String workerState = workerState(name);
    environment.out().printf("  %-32s %s%n", "state the vendor's API reports:", vendorState);
    environment.out().printf("  %-32s %s%n", "state the worker reports:", workerState);
    if (!expected.equals(vendorState) || !expected.equals(workerState)) {
      failures.add(
          context
              + " "
              + name
              + ": expected "
              + expected
              + " from both, the vendor said "
              + vendorState
              + " and the worker "
              + workerState);
    }
  }

  private String workerState(String name) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create(workerUrl + "/connectors/" + name + "/status").toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(10_000);
      try {
        int status = connection.getResponseCode();
        if (status != 200) {
          return "(HTTP " + status + ")";
        }
        try (InputStream body = connection.getInputStream()) {
          Object json =
              new Moshi.Builder()
                  .build()
                  .adapter(Object.class)
                  .fromJson(new String(body.readAllBytes(), StandardCharsets.UTF_8));
          Object connector = json instanceof Map<?, ?> map ? map.get("connector") : null;
          return connector instanceof Map<?, ?> c ? String.valueOf(c.get("state")) : "(no state)";
        }
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return "(unreachable: " + e.getMessage() + ")";
    }
  }

  /** A top-level string field of a JSON object, or of the first object of a JSON array. */
  private static String field(String json, String key) {
    try {
      Object parsed = new Moshi.Builder().build().adapter(Object.class).fromJson(json);
      if (parsed instanceof List<?> list && !list.isEmpty()) {
        parsed = list.get(0);
      }
      return parsed instanceof Map<?, ?> map ? String.valueOf(map.get(key)) : "(no " + key + ")";
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private String config() {
    return "# Written by the cloud tour; the gateways accept any credentials of the right kind.\n"
        + "current-context: local-redpanda\n"
        + "contexts:\n"
        + "  local-redpanda:\n"
        + "    vendor: redpanda\n"
        + "    url: "
        + gateways.redpandaUrl()
        + "\n"
        + "    credentials: {env: {token: TOUR_REDPANDA_TOKEN}}\n"
        + "  local-confluent:\n"
        + "    vendor: confluent\n"
        + "    url: "
        + gateways.confluentUrl()
        + "\n"
        + "    environment: "
        + gateways.confluentEnvironment()
        + "\n"
        + "    cluster: "
        + gateways.confluentCluster()
        + "\n"
        + "    credentials: {env: {api-key: TOUR_CONFLUENT_API_KEY, api-secret: TOUR_CONFLUENT_API_SECRET}}\n"
        + "  local-yandex:\n"
        + "    vendor: yandex\n"
        + "    url: "
        + gateways.yandexUrl()
        + "\n"
        + "    operation-url: "
        + gateways.yandexUrl()
        + "\n"
        + "    cluster: "
        + gateways.yandexCluster()
        + "\n"
        + "    credentials: {env: {iam-token: TOUR_YC_IAM_TOKEN}}\n";
  }

  private static String fileSource(String name, Path input) {
    return "# A FileStream source: reads "
        + input.getFileName()
        + " into the topic "
        + name
        + ".\n"
        + "name: "
        + name
        + "\n"
        + "config:\n"
        + "  connector.class: org.apache.kafka.connect.file.FileStreamSourceConnector\n"
        + "  tasks.max: \"1\"\n"
        + "  file: "
        + input
        + "\n"
        + "  topic: "
        + name
        + "\n";
  }

  private static String mirrorMaker(String name) {
    return "# A Yandex MirrorMaker connector: topics orders.* replicate on the local broker under the alias 'src'.\n"
        + "name: "
        + name
        + "\n"
        + "config:\n"
        + "  tasksMax: \"1\"\n"
        + "  connectorConfigMirrormaker.topics: orders.*\n"
        + "  connectorConfigMirrormaker.replicationFactor: \"1\"\n"
        + "  connectorConfigMirrormaker.sourceCluster.alias: src\n"
        + "  connectorConfigMirrormaker.sourceCluster.thisCluster: '{}'\n"
        + "  connectorConfigMirrormaker.targetCluster.alias: dst\n"
        + "  connectorConfigMirrormaker.targetCluster.thisCluster: '{}'\n";
  }
}
