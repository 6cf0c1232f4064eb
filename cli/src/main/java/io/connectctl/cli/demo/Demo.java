package io.connectctl.cli.demo;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CliException;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.prism.PrismException;
import io.connectctl.prism.PrismMock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * {@code connectctl demo}: a tour that needs no account. Part 1 ({@link LocalStory}) is real: a Kafka broker and a
 * Connect worker started on this machine, FileStream connectors whose lines are checked on disk, a real failure,
 * then the cluster stopped. Part 2 shows the three clouds on Prism mocks of the curated specs (canned answers, said
 * plainly): a throwaway config with one context per vendor (credentials by variable name, the variables set to
 * dummy values for the tour only), a short series of real connectctl command lines against them, and the mocks
 * stopped. It succeeds only if every step of both parts worked.
 */
public final class Demo {
  /** The three specs, relative to {@code specs/}, with the context each one backs. */
  private static final List<String[]> MOCKS = List.of(
      new String[] {"demo-redpanda", "redpanda/redpanda-connect.yaml"},
      new String[] {"demo-confluent", "confluent/confluent-connect.yaml"},
      new String[] {"demo-yandex", "yandex/yandex-kafka-connectors.yaml"});

  /**
   * One command line of the tour.
   *
   * @param note what it shows
   * @param args the arguments after {@code connectctl}
   * @param expectedExit the exit code that means it worked
   */
  record Step(String note, List<String> args, int expectedExit) {}

  private final CliEnvironment environment;

  /** @param environment where the demo prints, and where the connectctl checkout is */
  public Demo(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Runs the tour; returns 0 only if every step worked. */
  public int run() {
    PrintStream out = environment.out();
    Path specs = environment.installDir().resolve("specs");
    if (!Files.isDirectory(specs)) {
      throw new CliException(ExitCode.API_FAILED, "Cannot find the curated specs at " + specs
          + ": run the demo from the connectctl checkout (./connectctl demo)");
    }
    Path prism = specs.resolve("node_modules").resolve(".bin").resolve("prism");
    List<PrismMock> servers = new ArrayList<>();
    Path dir = null;
    LocalStory local = null;
    try {
      dir = Files.createTempDirectory("connectctl-demo-");
      local = new LocalStory(environment, Files.createDirectories(dir.resolve("local")));
      local.run();
      out.println();
      out.println("== Part 2: the three clouds, on MOCKS (Prism serving the curated specs' examples; nothing real) ==");
      out.println("Starting Prism mocks of the Redpanda, Confluent and Yandex specs on 127.0.0.1 …");
      for (String[] mock : MOCKS) {
        servers.add(PrismMock.start(prism, specs.resolve(mock[1]), OptionalLong.empty(), environment.env()));
      }
      servers.forEach(PrismMock::awaitReady);
      Path config = write(dir.resolve("config.yaml"), config(servers));
      Path manifest = write(dir.resolve("orders-s3-sink.yaml"), MANIFEST);
      out.println("Wrote a throwaway config with one context per vendor: " + config);
      out.println();
      out.print(Files.readString(config));

      Map<String, String> env = new HashMap<>(environment.env());
      env.put("CONNECTCTL_CONFIG", config.toString());
      env.put("DEMO_REDPANDA_TOKEN", "demo-redpanda-token");
      env.put("DEMO_CONFLUENT_API_KEY", "DEMOKEY");
      env.put("DEMO_CONFLUENT_API_SECRET", "demo-confluent-secret");
      env.put("DEMO_YC_IAM_TOKEN", "demo-iam-token");
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new MockExamples()).build();
      CliEnvironment tour = environment.with(env, new VendorClientFactory(http));
      try {
        return tour(tour, steps(manifest), local);
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    } catch (IOException e) {
      throw new CliException(ExitCode.API_FAILED, "Demo could not write its files: " + e.getMessage(), e);
    } catch (PrismException e) {
      throw new CliException(ExitCode.API_FAILED, "Demo could not start its mocks: " + e.getMessage(), e);
    } finally {
      servers.forEach(PrismMock::close);
      deleteQuietly(dir);
      out.println();
      out.println("Stopped the mocks.");
    }
  }

  static List<Step> steps(Path manifest) {
    return List.of(
        new Step("The contexts of the throwaway config", List.of("contexts"), ExitCode.OK),
        new Step("Every connector of every context in one table",
            List.of("get", "connectors", "--all-contexts"), ExitCode.OK),
        new Step("One connector in detail (secret-looking values masked)",
            List.of("describe", "orders-s3-sink", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("Status as JSON, the same shape for every vendor",
            List.of("status", "orders-s3-sink", "--context", "demo-confluent", "-o", "json"), ExitCode.OK),
        new Step("Pause a connector", List.of("pause", "orders-s3-sink", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("Its status now", List.of("status", "orders-s3-sink", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("Resume it", List.of("resume", "orders-s3-sink", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("Pause and resume on Yandex (operations)",
            List.of("pause", "replicate-orders", "--context", "demo-yandex"), ExitCode.OK),
        new Step("", List.of("resume", "replicate-orders", "--context", "demo-yandex"), ExitCode.OK),
        new Step("Restart a connector and its tasks",
            List.of("restart", "orders-s3-sink", "--include-tasks", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("What applying a file would change",
            List.of("apply", "-f", manifest.toString(), "--dry-run", "--context", "demo-redpanda"), ExitCode.OK),
        new Step("Apply it", List.of("apply", "-f", manifest.toString(), "--context", "demo-redpanda"), ExitCode.OK),
        new Step("An operation the vendor lacks fails with one line (exit 1)",
            List.of("stop", "replicate-orders", "--context", "demo-yandex"), ExitCode.API_FAILED));
  }

  private int tour(CliEnvironment tour, List<Step> steps, LocalStory local) {
    PrintStream out = environment.out();
    List<String> failed = new ArrayList<>(local.failed());
    for (Step step : steps) {
      out.println();
      if (!step.note().isEmpty()) {
        out.println("# " + step.note());
      }
      out.println("$ connectctl " + String.join(" ", step.args()));
      out.flush();
      int code = new ConnectCtl(tour).run(step.args().toArray(String[]::new));
      if (code != step.expectedExit()) {
        failed.add("'connectctl " + String.join(" ", step.args()) + "' exited " + code + ", expected "
            + step.expectedExit());
      }
    }
    out.println();
    int total = local.steps() + steps.size();
    if (failed.isEmpty()) {
      out.println("Demo finished: all " + total + " steps worked (" + local.steps() + " on the real local cluster, "
          + steps.size() + " on the cloud mocks).");
      return ExitCode.OK;
    }
    failed.forEach(f -> environment.err().println("error: demo step failed: " + f));
    out.println("Demo finished: " + failed.size() + " of " + total + " steps failed.");
    return ExitCode.API_FAILED;
  }

  private static String config(List<PrismMock> servers) {
    String redpanda = servers.get(0).baseUrl();
    String confluent = servers.get(1).baseUrl();
    String yandex = servers.get(2).baseUrl();
    return "# Written by 'connectctl demo'; deleted when it ends.\n"
        + "current-context: demo-redpanda\n"
        + "contexts:\n"
        + "  demo-redpanda:\n"
        + "    vendor: redpanda\n"
        + "    url: " + redpanda + "\n"
        + "    connect-cluster: redpanda\n"
        + "    credentials: {env: {token: DEMO_REDPANDA_TOKEN}}\n"
        + "  demo-confluent:\n"
        + "    vendor: confluent\n"
        + "    url: " + confluent + "\n"
        + "    environment: env-demo01\n"
        + "    cluster: lkc-demo01\n"
        + "    credentials: {env: {api-key: DEMO_CONFLUENT_API_KEY, api-secret: DEMO_CONFLUENT_API_SECRET}}\n"
        + "  demo-yandex:\n"
        + "    vendor: yandex\n"
        + "    url: " + yandex + "\n"
        + "    operation-url: " + yandex + "\n"
        + "    cluster: c9qbkmoiimsl6e7dc3j2\n"
        + "    credentials: {env: {iam-token: DEMO_YC_IAM_TOKEN}}\n";
  }

  private static final String MANIFEST = """
      # The S3 sink with two changes: four tasks, zstd compression.
      name: orders-s3-sink
      config:
        connector.class: com.redpanda.kafka.connect.s3.S3SinkConnector
        name: orders-s3-sink
        tasks.max: "4"
        topics: orders.public.orders,orders.public.order_lines
        aws.access.key.id: AKIAIOSFODNN7EXAMPLE
        aws.secret.access.key: ${secretsManager:orders-s3-sink:aws.secret.access.key}
        aws.s3.bucket.name: acme-orders-archive
        aws.s3.region: eu-west-1
        format.output.type: json
        file.compression.type: zstd
        key.converter: org.apache.kafka.connect.storage.StringConverter
        value.converter: org.apache.kafka.connect.json.JsonConverter
        value.converter.schemas.enable: "false"
      """;

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
