package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on self-managed Kafka Connect: export, diff, apply with no write and prune, against the
 * real local worker. The context's URL points at a small counting relay in front of the worker, so
 * every request the CLI sends is seen (method and path) and a round trip can be shown to write
 * nothing.
 */
@ExtendWith(LocalClusterExtension.class)
class KafkaConnectAsCodeTest {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  private static final String CANARY = "CANARY-kc-pw-7f3a91";

  private static HttpServer relay;
  private static final List<String> SENT = new CopyOnWriteArrayList<>();

  @TempDir Path home;

  private final Map<String, String> env = new HashMap<>();
  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void startRelay(RunningCluster cluster) throws IOException {
    String target = cluster.connectUrl().replaceAll("/+$", "");
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    relay.createContext("/", exchange -> relayOne(client, target, exchange));
    relay.start();
  }

  private static void relayOne(HttpClient client, String target, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      SENT.add(exchange.getRequestMethod() + " " + uri.getRawPath());
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(
                      target
                          + uri.getRawPath()
                          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : List.of("Content-Type", "Accept", "Authorization")) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      response
          .headers()
          .firstValue("Content-Type")
          .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
      byte[] answer = response.body();
      boolean empty =
          answer.length == 0
              || response.statusCode() == 204
              || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @AfterAll
  static void stopRelay() {
    if (relay != null) {
      relay.stop(0);
    }
  }

  @BeforeEach
  void context() throws IOException {
    Path config = home.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: local\ncontexts:\n  local:\n    vendor: kafka-connect\n    url: "
            + "http://127.0.0.1:"
            + relay.getAddress().getPort()
            + "\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
  }

  @AfterEach
  void cleanUp() {
    if (!created.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("delete"));
      args.addAll(created);
      cli(args.toArray(String[]::new));
    }
  }

  private CliRun cli(String... args) {
    return cliIn("", args);
  }

  private CliRun cliIn(String stdin, String... args) {
    return CliRun.runWithInput(env, home, new VendorClientFactory(), stdin, args);
  }

  private static List<String> writes() {
    return SENT.stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
  }

  private static void assertExit(int code, CliRun run) {
    assertEquals(code, run.exitCode(), run::toString);
  }

  private static void assertNoCanary(CliRun run) {
    assertFalse(run.out().contains(CANARY), () -> "canary in stdout:\n" + run);
    assertFalse(run.err().contains(CANARY), () -> "canary in stderr:\n" + run);
  }

  private Path file(String name, String text) throws IOException {
    Path path = home.resolve(name);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text);
  }

  /**
   * Creates a connector on the real worker through the CLI (FileStream source or sink), extra keys
   * appended.
   */
  private void create(String name, String connectorClass, String... extra) throws IOException {
    boolean source = connectorClass.equals(SOURCE);
    StringBuilder yaml =
        new StringBuilder(
            "name: "
                + name
                + "\nconfig:\n  connector.class: "
                + connectorClass
                + "\n  tasks.max: '1'\n  file: "
                + home.resolve(name + ".txt")
                + "\n  "
                + (source ? "topic" : "topics")
                + ": "
                + name
                + "-topic\n");
    for (int i = 0; i < extra.length; i += 2) {
      yaml.append("  ").append(extra[i]).append(": ").append(extra[i + 1]).append('\n');
    }
    Files.writeString(home.resolve(name + ".txt"), "");
    Path f = file("src/" + name + ".yaml", yaml.toString());
    created.add(name);
    CliRun run = cli("apply", "-f", f.toString());
    assertExit(0, run);
    assertNoCanary(run);
  }

  private static String allText(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        text.append(Files.readString(f));
      }
    }
    return text.toString();
  }

  private static Set<String> names(List<Map<String, Object>> results, String action) {
    Set<String> names = new TreeSet<>();
    results.stream()
        .filter(r -> action.equals(r.get("action")))
        .forEach(r -> names.add((String) r.get("name")));
    return names;
  }

  @Test
  void exportThenDiffIsCleanApplyWritesNothingAndSecretsStayOut() throws IOException {
    create("kac-source", SOURCE);
    create("kac-sink", SINK, "connection.password", CANARY);

    Path dir = home.resolve("exported");
    CliRun export = cli("export", "kac-source", "kac-sink", "--dir", dir.toString(), "-o", "json");
    assertExit(0, export);
    assertNoCanary(export);
    assertEquals(
        Set.of("kac-sink", "kac-source"),
        new TreeSet<>(export.jsonArray().stream().map(r -> (String) r.get("name")).toList()));
    assertEquals("kafka-connect", export.jsonArray().get(0).get("vendor"), export::toString);
    String files = allText(dir);
    assertFalse(files.contains(CANARY), files);
    assertTrue(files.contains("${connectctl:env:KAC_SINK_CONNECTION_PASSWORD}"), files);
    assertTrue(files.contains(SOURCE) && files.contains(SINK), files);
    // The default format, YAML: the same reference, one file per connector, and it diffs clean as
    // well.
    Path yamlDir = home.resolve("exported-yaml");
    CliRun yaml = cli("export", "kac-source", "kac-sink", "--dir", yamlDir.toString());
    assertExit(0, yaml);
    assertNoCanary(yaml);
    String yamlFiles = allText(yamlDir);
    assertFalse(yamlFiles.contains(CANARY), yamlFiles);
    assertTrue(
        yamlFiles.contains("connection.password: ${connectctl:env:KAC_SINK_CONNECTION_PASSWORD}"),
        yamlFiles);
    assertTrue(
        yamlFiles.contains("vendor: kafka-connect") && yamlFiles.contains("context: local"),
        yamlFiles);
    assertExit(0, cli("diff", "-f", yamlDir.toString()));

    SENT.clear();
    CliRun diff = cli("diff", "-f", dir.toString());
    assertExit(0, diff);
    assertNoCanary(diff);
    CliRun apply = cli("apply", "-f", dir.toString());
    assertExit(0, apply);
    assertNoCanary(apply);
    assertTrue(
        apply.errLines().contains("0 created, 0 updated, 2 unchanged, 0 deleted, 0 failed"),
        apply::toString);
    assertEquals(List.of(), writes(), () -> SENT.toString());
    assertFalse(SENT.isEmpty(), "the relay saw the reads");

    // With the variable set to the value the worker holds, the secret compares equal: still nothing
    // to write.
    env.put("KAC_SINK_CONNECTION_PASSWORD", CANARY);
    SENT.clear();
    CliRun same = cli("diff", "-f", dir.toString());
    assertExit(0, same);
    assertNoCanary(same);
    CliRun again = cli("apply", "-f", dir.toString(), "-o", "json");
    assertExit(0, again);
    assertNoCanary(again);
    assertEquals(
        Set.of("kac-sink", "kac-source"), names(again.jsonArray(), "unchanged"), again::toString);
    assertEquals(List.of(), writes(), () -> SENT.toString());

    // A rotated value: diff sees it (without showing it), apply resolves the reference and the
    // worker holds it.
    String rotated = "rotated-" + CANARY;
    env.put("KAC_SINK_CONNECTION_PASSWORD", rotated);
    CliRun changed = cli("diff", "-f", dir.toString());
    assertExit(1, changed);
    assertTrue(changed.out().contains("connector/kac-sink (update)"), changed::toString);
    assertNoCanary(changed);
    SENT.clear();
    CliRun update = cli("apply", "-f", dir.toString());
    assertExit(0, update);
    assertNoCanary(update);
    assertTrue(
        update.errLines().contains("0 created, 1 updated, 1 unchanged, 0 deleted, 0 failed"),
        update::toString);
    assertEquals(List.of("PUT /connectors/kac-sink/config"), writes());
    CliRun shown = cli("config", "get", "kac-sink", "-o", "json", "--show-secrets");
    assertExit(0, shown);
    assertEquals(
        rotated,
        ((Map<?, ?>) shown.jsonObject().get("config")).get("connection.password"),
        shown::toString);
  }

  @Test
  void configGetYamlAppliesBackUnchanged() throws IOException {
    create("kac-get-sink", SINK, "connection.password", CANARY);
    create("kac-get-source", SOURCE);
    for (String name : List.of("kac-get-sink", "kac-get-source")) {
      CliRun get = cli("config", "get", name, "-o", "yaml");
      assertExit(0, get);
      assertNoCanary(get);
      assertTrue(get.out().contains("vendor: kafka-connect"), get::toString);
      SENT.clear();
      CliRun dry = cliIn(get.out(), "apply", "-f", "-", "--dry-run");
      assertExit(0, dry);
      assertNoCanary(dry);
      assertEquals("connector/" + name + " unchanged (dry run)", dry.out().strip(), dry::toString);
      assertEquals(List.of(), writes(), () -> SENT.toString());
    }
  }

  @Test
  void pruneDeletesExactlyTheUndeclaredMatchingConnectorsOnTheWorker() throws IOException {
    create("kacp-a", SINK);
    create("kacp-b", SINK, "connection.password", CANARY);
    create("kacp-c", SOURCE);
    create("kacq-other", SINK);
    create("x-kacp-y", SINK);
    Path dir = home.resolve("managed");
    Path exported = home.resolve("all");
    assertExit(0, cli("export", "kacp-a", "--dir", exported.toString()));
    try (Stream<Path> files = Files.walk(exported)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        file("managed/" + f.getFileName(), Files.readString(f));
      }
    }
    file(
        "managed/d.json",
        "[{\"name\": \"kacp-d\", \"config\": {\"connector.class\": \""
            + SINK
            + "\", \"tasks.max\": \"1\", \"file\": \""
            + home.resolve("kacp-d.txt")
            + "\", \"topics\": \"kacp-d\"}}]");
    created.add("kacp-d");

    CliRun diff =
        cli("diff", "-f", dir.toString(), "--prune", "--selector", "^kacp-", "-o", "json");
    assertExit(1, diff);
    assertNoCanary(diff);
    assertEquals(Set.of("kacp-b", "kacp-c"), names(diff.jsonArray(), "delete"), diff::toString);
    assertEquals(Set.of("kacp-d"), names(diff.jsonArray(), "create"), diff::toString);

    SENT.clear();
    CliRun dry =
        cli(
            "apply",
            "-f",
            dir.toString(),
            "--prune",
            "--selector",
            "^kacp-",
            "--dry-run",
            "-o",
            "json");
    assertExit(0, dry);
    assertNoCanary(dry);
    assertEquals(Set.of("kacp-b", "kacp-c"), names(dry.jsonArray(), "delete"), dry::toString);
    assertEquals(Set.of("kacp-d"), names(dry.jsonArray(), "create"));
    assertEquals(Set.of("kacp-a"), names(dry.jsonArray(), "unchanged"));
    dry.jsonArray().forEach(r -> assertEquals(true, r.get("dryRun"), dry::toString));
    assertEquals(List.of(), writes(), () -> SENT.toString());

    CliRun apply = cli("apply", "-f", dir.toString(), "--prune", "--selector", "^kacp-");
    assertExit(0, apply);
    assertNoCanary(apply);
    assertTrue(
        apply.out().contains("connector/kacp-b deleted")
            && apply.out().contains("connector/kacp-c deleted"),
        apply::toString);
    assertTrue(
        apply.errLines().contains("1 created, 0 updated, 1 unchanged, 2 deleted, 0 failed"),
        apply::toString);
    assertEquals(
        Set.of("DELETE /connectors/kacp-b", "DELETE /connectors/kacp-c"),
        new TreeSet<>(writes().stream().filter(w -> w.startsWith("DELETE ")).toList()),
        () -> SENT.toString());
    assertEquals(
        1, writes().stream().filter(w -> !w.startsWith("DELETE ")).count(), () -> SENT.toString());

    // a worker lists a connector with its status only once that status is recorded: kacp-d, just
    // created without --wait, shows up when it is
    Set<String> names = new TreeSet<>();
    Eventually.within(java.time.Duration.ofSeconds(30))
        .until(
            "kacp-d listed with its status",
            () -> {
              CliRun left = cli("get", "connectors", "-o", "json");
              assertExit(0, left);
              names.clear();
              left.jsonArray().forEach(r -> names.add((String) r.get("name")));
              return names.contains("kacp-d");
            });
    assertTrue(names.containsAll(Set.of("kacp-a", "kacq-other", "x-kacp-y")), names::toString);
    assertFalse(names.contains("kacp-b") || names.contains("kacp-c"), names::toString);

    // Now declared state matches: diff with prune is clean.
    assertExit(0, cli("diff", "-f", dir.toString(), "--prune", "--selector", "^kacp-"));
  }
}
