package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.ScriptedWorker.Api;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15, connectors as code: export, diff, apply from anywhere and prune, on {@link
 * ScriptedWorker} (a stateful worker behind each cloud's API that records every request), with real
 * vendor clients over real HTTP.
 */
class ConnectorsAsCodeTest {
  static final String SINK = "com.redpanda.kafka.connect.s3.S3SinkConnector";
  static final String CANARY = "CANARY-s3cr3t-7f3a9";
  static final String URL_CANARY = "CANARY-pw-4411";

  @TempDir Path home;

  private final List<ScriptedWorker> workers = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();
  private final Map<String, String> env = new HashMap<>();

  @AfterEach
  void stopWorkers() {
    workers.forEach(ScriptedWorker::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private ScriptedWorker worker(Api api) {
    ScriptedWorker worker = new ScriptedWorker(api);
    workers.add(worker);
    env.putAll(worker.env());
    env.putIfAbsent("CONNECTCTL_CONFIG", home.resolve("absent-config.yaml").toString());
    return worker;
  }

  private CliRun cli(ScriptedWorker worker, String... args) {
    return cliIn(worker, "", args);
  }

  private CliRun cliIn(ScriptedWorker worker, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (worker != null) {
      all.addAll(worker.flags());
    }
    return CliRun.runWithInput(
        env, home, new VendorClientFactory(http), stdin, all.toArray(String[]::new));
  }

  private static Map<String, String> sink(String... extra) {
    Map<String, String> config =
        new TreeMap<>(Map.of("connector.class", SINK, "tasks.max", "1", "topics", "orders"));
    for (int i = 0; i < extra.length; i += 2) {
      config.put(extra[i], extra[i + 1]);
    }
    return config;
  }

  private Path file(String name, String text) throws IOException {
    Path path = home.resolve(name);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text);
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
        .filter(r -> r.get("action").equals(action))
        .forEach(r -> names.add((String) r.get("name")));
    return names;
  }

  private static void assertNoCanary(CliRun run) {
    for (String canary : List.of(CANARY, URL_CANARY)) {
      assertFalse(run.out().contains(canary), () -> "canary in stdout:\n" + run);
      assertFalse(run.err().contains(canary), () -> "canary in stderr:\n" + run);
    }
  }

  // ---- export, diff, apply: round trip with no write

  @ParameterizedTest
  @EnumSource(
      value = Api.class,
      names = {"REDPANDA", "CONFLUENT"})
  void exportThenDiffIsCleanAndApplySendsNoWrite(Api api) throws IOException {
    ScriptedWorker worker = worker(api);
    worker.add("orders-sink", sink("aws.secret.access.key", CANARY));
    worker.add(
        "audit-sink",
        sink("topics", "audit", "connection.url", "jdbc:postgresql://app:" + URL_CANARY + "@db/x"));
    Path dir = home.resolve("exported");
    CliRun export = cli(worker, "export", "--dir", dir.toString(), "-o", "json");
    assertExit(0, export);
    assertNoCanary(export);
    List<Map<String, Object>> report = export.jsonArray();
    assertEquals(
        List.of("audit-sink", "orders-sink"), report.stream().map(r -> r.get("name")).toList());
    assertEquals(
        List.of("name", "context", "vendor", "file", "references"),
        List.copyOf(report.get(0).keySet()));
    String files = allText(dir);
    assertFalse(files.contains(CANARY) || files.contains(URL_CANARY), files);
    assertTrue(files.contains("${connectctl:env:ORDERS_SINK_AWS_SECRET_ACCESS_KEY}"), files);
    assertTrue(files.contains("${connectctl:env:AUDIT_SINK_CONNECTION_URL}"), files);

    worker.clearRequests();
    CliRun diff = cli(worker, "diff", "-f", dir.toString());
    assertExit(0, diff);
    assertNoCanary(diff);
    CliRun apply = cli(worker, "apply", "-f", dir.toString());
    assertExit(0, apply);
    assertNoCanary(apply);
    assertTrue(
        apply.errLines().contains("0 created, 0 updated, 2 unchanged, 0 deleted, 0 failed"),
        apply::toString);
    assertEquals(List.of(), worker.writes());
    assertFalse(worker.requests().isEmpty());

    // With the variables set to the real values, the secrets compare equal: still nothing to send.
    env.put("ORDERS_SINK_AWS_SECRET_ACCESS_KEY", CANARY);
    env.put("AUDIT_SINK_CONNECTION_URL", "jdbc:postgresql://app:" + URL_CANARY + "@db/x");
    assertExit(0, cli(worker, "diff", "-f", dir.toString()));
    assertEquals(List.of(), worker.writes());
  }

  @Test
  void exportOfYandexSkipsWriteOnlySecretsAndDiffsClean() throws IOException {
    ScriptedWorker worker = worker(Api.YANDEX);
    worker.addYandex(
        Map.of(
            "name",
            "orders-to-s3",
            "tasksMax",
            "2",
            "clusterId",
            ScriptedWorker.CLUSTER,
            "properties",
            Map.of("key.converter", "org.apache.kafka.connect.storage.StringConverter"),
            "connectorConfigS3Sink",
            Map.of(
                "topics",
                "orders",
                "fileCompressionType",
                "gzip",
                "s3Connection",
                Map.of(
                    "bucketName",
                    "acme",
                    "externalS3",
                    Map.of("endpoint", "storage.yandexcloud.net", "accessKeyId", "AKIA-ID")))));
    Path dir = home.resolve("yc");
    assertExit(0, cli(worker, "export", "--dir", dir.toString()));
    CliRun diff = cli(worker, "diff", "-f", dir.toString(), "-o", "json");
    assertExit(0, diff);
    assertEquals("unchanged", diff.jsonArray().get(0).get("action"));
    assertEquals(List.of(), worker.writes());
  }

  @Test
  void changedSecretReferenceIsSentResolvedAndNeverShown() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("orders-sink", sink("aws.secret.access.key", CANARY));
    Path f =
        file(
            "orders.yaml",
            "name: orders-sink\nconfig:\n  connector.class: "
                + SINK
                + "\n  tasks.max: '1'\n"
                + "  topics: orders\n  aws.secret.access.key: ${connectctl:env:NEW_KEY}\n");
    CliRun unset = cli(worker, "diff", "-f", f.toString());
    assertExit(0, unset); // an unresolved reference is not compared
    env.put("NEW_KEY", "CANARY-rotated-value");
    CliRun diff = cli(worker, "diff", "-f", f.toString(), "--show-secrets");
    assertExit(1, diff);
    assertTrue(diff.out().contains("~ connector/orders-sink (update)"), diff::toString);
    assertTrue(diff.out().contains("-> ${connectctl:env:NEW_KEY}"), diff::toString);
    assertFalse(diff.out().contains("CANARY-rotated-value"), diff::toString);
    CliRun apply = cli(worker, "apply", "-f", f.toString());
    assertExit(0, apply);
    assertFalse(
        apply.out().contains("CANARY-rotated-value")
            || apply.err().contains("CANARY-rotated-value"));
    assertNoCanary(apply);
    assertEquals(
        "CANARY-rotated-value", worker.storedConfig("orders-sink").get("aws.secret.access.key"));
    // A reference from a file, relative to the file holding it; a server-side reference passes
    // through untouched.
    file("secrets/key.txt", "from-a-file\n");
    Path g =
        file(
            "orders2.yaml",
            "name: orders-sink\nconfig:\n  connector.class: "
                + SINK
                + "\n  tasks.max: '1'\n"
                + "  topics: orders\n  aws.secret.access.key: ${connectctl:file:secrets/key.txt}\n"
                + "  aws.access.key.id: ${secretsManager:orders:id}\n");
    assertExit(0, cli(worker, "apply", "-f", g.toString()));
    assertEquals("from-a-file", worker.storedConfig("orders-sink").get("aws.secret.access.key"));
    assertEquals(
        "${secretsManager:orders:id}", worker.storedConfig("orders-sink").get("aws.access.key.id"));
  }

  @Test
  void aReferenceThatDoesNotResolveStopsApplyBeforeAnythingIsSent() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("a", sink());
    Path f =
        file(
            "x.yaml",
            "name: b\nconfig:\n  connector.class: "
                + SINK
                + "\n  topics: t\n"
                + "  aws.secret.access.key: ${connectctl:env:MISSING_VAR}\n---\nname: a\nconfig: {tasks.max: '3'}\n");
    CliRun apply = cli(worker, "apply", "-f", f.toString());
    assertExit(2, apply);
    assertTrue(
        apply.err().contains("connector 'b'")
            && apply.err().contains("MISSING_VAR is not set")
            && apply.err().contains("nothing was sent"),
        apply::toString);
    assertEquals(List.of(), worker.writes());
    assertExit(2, cli(worker, "diff", "-f", f.toString()));
  }

  // ---- diff exit codes

  @Test
  void diffExitsZeroOneOrTwo() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("a", sink());
    Path same =
        file(
            "same.yaml",
            "name: a\nconfig: {connector.class: " + SINK + ", tasks.max: '1', topics: orders}\n");
    Path changed =
        file(
            "changed.yaml",
            "name: a\nconfig: {tasks.max: '2'}\n---\nname: new\nconfig: {topics: x}\n");
    assertExit(0, cli(worker, "diff", "-f", same.toString()));
    CliRun diff = cli(worker, "diff", "-f", changed.toString(), "-o", "json");
    assertExit(1, diff);
    List<Map<String, Object>> results = diff.jsonArray();
    assertEquals(List.of("update", "create"), results.stream().map(r -> r.get("action")).toList());
    assertEquals(
        List.of("name", "context", "vendor", "kind", "action", "changes"),
        List.copyOf(results.get(0).keySet()));
    assertEquals(
        List.of(Map.of("key", "tasks.max", "op", "change", "from", "1", "to", "2")),
        results.get(0).get("changes"));
    CliRun table = cli(worker, "diff", "-f", changed.toString());
    assertExit(1, table);
    assertEquals(
        List.of(
            "~ connector/a (update)",
            "    ~ tasks.max: 1 -> 2",
            "+ connector/new (create)",
            "    + topics = x"),
        table.out().lines().toList());
    assertTrue(
        table.errLines().contains("1 to create, 1 to update, 0 unchanged, 0 to delete"),
        table::toString);
    assertExit(2, cli(worker, "diff", "-f", home.resolve("absent.yaml").toString()));
    assertExit(2, cli(worker, "diff", "-f", same.toString(), "--prune"));
    assertEquals(List.of(), worker.writes());
  }

  // ---- prune

  @ParameterizedTest
  @EnumSource(
      value = Api.class,
      names = {"REDPANDA", "CONFLUENT"})
  void pruneDeletesExactlyTheUndeclaredMatchingConnectors(Api api) throws IOException {
    ScriptedWorker worker = worker(api);
    for (String name : List.of("app-a", "app-b", "app-c", "other-x", "xapp-y")) {
      worker.add(name, sink());
    }
    Path dir = home.resolve("managed");
    file(
        "managed/a.yaml",
        "name: app-a\nconfig: {connector.class: " + SINK + ", tasks.max: '1', topics: orders}\n");
    file(
        "managed/d.json",
        "[{\"name\": \"app-d\", \"config\": {\"connector.class\": \""
            + SINK
            + "\", \"topics\": \"d\"}}]");
    CliRun noSelector = cli(worker, "apply", "-f", dir.toString(), "--prune");
    assertExit(2, noSelector);
    assertTrue(noSelector.err().contains("--prune needs --selector"), noSelector::toString);

    CliRun diff =
        cli(worker, "diff", "-f", dir.toString(), "--prune", "--selector", "^app-", "-o", "json");
    assertExit(1, diff);
    assertEquals(Set.of("app-b", "app-c"), names(diff.jsonArray(), "delete"));
    CliRun dry =
        cli(
            worker,
            "apply",
            "-f",
            dir.toString(),
            "--prune",
            "--selector",
            "^app-",
            "--dry-run",
            "-o",
            "json");
    assertExit(0, dry);
    assertEquals(Set.of("app-b", "app-c"), names(dry.jsonArray(), "delete"));
    assertEquals(Set.of("app-d"), names(dry.jsonArray(), "create"));
    assertEquals(Set.of("app-a"), names(dry.jsonArray(), "unchanged"));
    dry.jsonArray().forEach(r -> assertEquals(true, r.get("dryRun")));
    assertEquals(List.of(), worker.writes());

    CliRun apply = cli(worker, "apply", "-f", dir.toString(), "--prune", "--selector", "^app-");
    assertExit(0, apply);
    assertTrue(
        apply.out().contains("connector/app-b deleted")
            && apply.out().contains("connector/app-c deleted"),
        apply::toString);
    assertTrue(
        apply.errLines().contains("1 created, 0 updated, 1 unchanged, 2 deleted, 0 failed"),
        apply::toString);
    assertEquals(3, worker.writes().size(), () -> worker.writes().toString());
    assertEquals(2, worker.writes().stream().filter(r -> r.method().equals("DELETE")).count());
    CliRun left = cli(worker, "get", "connectors", "-o", "json");
    assertEquals(
        List.of("app-a", "app-d", "other-x", "xapp-y"),
        left.jsonArray().stream().map(r -> r.get("name")).toList());
  }

  // ---- apply from anywhere

  @Test
  void stdinRepeatedFilesStreamsAndRecursiveDirectories() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    file("tree/top.yaml", "name: one\nconfig: {topics: a}\n---\nname: two\nconfig: {topics: b}\n");
    file("tree/sub/deeper.json", "[{\"name\": \"three\", \"config\": {\"topics\": \"c\"}}]");
    file("tree/.git/ignored.yaml", "not: a connector\n");
    file("extra.yaml", "- name: four\n  config: {topics: d}\n");
    CliRun flat = cli(worker, "diff", "-f", home.resolve("tree").toString(), "-o", "json");
    assertEquals(Set.of("one", "two"), names(flat.jsonArray(), "create"));
    CliRun all =
        cliIn(
            worker,
            "name: five\nconfig: {topics: e}\n",
            "apply",
            "-f",
            home.resolve("tree").toString(),
            "--recursive",
            "-f",
            home.resolve("extra.yaml").toString(),
            "-f",
            "-",
            "-o",
            "json");
    assertExit(0, all);
    assertEquals(Set.of("one", "two", "three", "four", "five"), names(all.jsonArray(), "create"));
    CliRun twice = cli(worker, "apply", "-f", "-", "-f", "-");
    assertExit(2, twice);
  }

  @Test
  void eachDocumentGoesToItsContextAndContextLimitsARun() throws IOException {
    ScriptedWorker rp = worker(Api.REDPANDA);
    ScriptedWorker cf = worker(Api.CONFLUENT);
    Path config =
        file(
            "config.yaml",
            "current-context: rp\ncontexts:\n"
                + "  rp:\n    vendor: redpanda\n    url: "
                + rp.url()
                + "\n"
                + "  cf:\n    vendor: confluent\n    url: "
                + cf.url()
                + "\n    environment: "
                + ScriptedWorker.ENV
                + "\n    cluster: "
                + ScriptedWorker.CLUSTER
                + "\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
    file("fleet/rp.yaml", "name: rp-sink\ncontext: rp\nvendor: redpanda\nconfig: {topics: a}\n");
    file("fleet/cf.yaml", "name: cf-sink\ncontext: cf\nconfig: {topics: b}\n");
    file("fleet/default.yaml", "name: default-sink\nconfig: {topics: c}\n");
    Path fleet = home.resolve("fleet");
    CliRun limited = cli(null, "apply", "-f", fleet.toString(), "--context", "cf", "-o", "json");
    assertExit(0, limited);
    assertEquals(
        List.of("cf-sink", "default-sink"),
        limited.jsonArray().stream().map(r -> r.get("name")).toList());
    assertTrue(limited.err().contains("skipped 1 connector of context rp"), limited::toString);
    assertEquals(List.of(), rp.writes());
    CliRun all = cli(null, "apply", "-f", fleet.toString(), "-o", "json");
    assertExit(0, all);
    assertEquals(
        Set.of("rp-sink", "default-sink"),
        Set.copyOf(
            rp.writes().stream()
                .map(r -> r.body().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1"))
                .toList()));
    assertTrue(
        all.jsonArray().stream()
            .anyMatch(
                r ->
                    r.get("name").equals("cf-sink")
                        && r.get("context").equals("cf")
                        && r.get("action").equals("unchanged")),
        all::toString);
    file("wrong/x.yaml", "name: x\ncontext: cf\nvendor: yandex\nconfig: {topics: b}\n");
    CliRun wrong = cli(null, "apply", "-f", home.resolve("wrong").toString());
    assertExit(2, wrong);
    assertTrue(
        wrong.err().contains("names vendor 'yandex', but context 'cf' is confluent"),
        wrong::toString);
    file("unknown/x.yaml", "name: x\ncontext: nowhere\nconfig: {topics: b}\n");
    assertExit(2, cli(null, "apply", "-f", home.resolve("unknown").toString()));
  }

  // ---- config get -o yaml back into apply

  @ParameterizedTest
  @EnumSource(
      value = Api.class,
      names = {"REDPANDA", "CONFLUENT"})
  void configGetYamlIsUnchangedAndKeepsMaskedSecrets(Api api) {
    ScriptedWorker worker = worker(api);
    worker.add("orders-sink", sink("aws.secret.access.key", CANARY));
    CliRun get = cli(worker, "config", "get", "orders-sink", "-o", "yaml");
    assertExit(0, get);
    assertNoCanary(get);
    CliRun dry = cliIn(worker, get.out(), "apply", "-f", "-", "--dry-run");
    assertExit(0, dry);
    assertEquals("connector/orders-sink unchanged (dry run)", dry.out().strip());
    // Changed elsewhere in the file: the masked secret is kept as the server has it (Redpanda shows
    // it), or
    // refused before anything is sent (Confluent masks it too).
    String edited = get.out().replace("tasks.max: '1'", "tasks.max: '2'");
    CliRun apply = cliIn(worker, edited, "apply", "-f", "-");
    assertNoCanary(apply);
    if (api == Api.REDPANDA) {
      assertExit(0, apply);
      assertEquals(CANARY, worker.storedConfig("orders-sink").get("aws.secret.access.key"));
      assertEquals("2", worker.storedConfig("orders-sink").get("tasks.max"));
    } else {
      assertExit(2, apply);
      assertTrue(apply.err().contains("aws.secret.access.key' is masked"), apply::toString);
      assertEquals(List.of(), worker.writes());
    }
  }

  @Test
  void configGetYamlIsAcceptedByConfigSetWhenItsVendorMatches() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("orders-sink", sink());
    CliRun get = cli(worker, "config", "get", "orders-sink", "-o", "yaml");
    Path same = file("same.yaml", get.out().replace("tasks.max: '1'", "tasks.max: '3'"));
    assertExit(0, cli(worker, "config", "set", "orders-sink", "-f", same.toString()));
    assertEquals("3", worker.storedConfig("orders-sink").get("tasks.max"));
    Path other = file("other.yaml", get.out().replace("vendor: redpanda", "vendor: confluent"));
    CliRun refused = cli(worker, "config", "set", "orders-sink", "-f", other.toString());
    assertExit(2, refused);
    assertTrue(refused.err().contains("names vendor 'confluent'"), refused::toString);
  }

  private static void assertExit(int expected, CliRun run) {
    assertEquals(expected, run.exitCode(), run::toString);
  }
}
