package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.testkit.PrismExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end CLI tests: the real entry point, the real vendor clients ({@link VendorClientFactory})
 * and Prism serving a curated spec. Prism answers with the spec's examples; a test picks another
 * example or an error status with a {@code Prefer} rule for the requests it matches, and {@link
 * MockExamples} keeps listings finite and makes status follow pause/resume.
 */
abstract class PrismCliTest {
  private record Rule(String method, Pattern path, String prefer) {}

  private static final List<Rule> RULES = new CopyOnWriteArrayList<>();

  /** Every request sent in the current test, as {@code METHOD path}. */
  static final List<String> SENT = new CopyOnWriteArrayList<>();

  private static final OkHttpClient SHARED = new OkHttpClient();

  /**
   * Fresh per test, so what {@link MockExamples} remembers of one test does not leak into the next.
   */
  private OkHttpClient http;

  private static OkHttpClient http() {
    return SHARED
        .newBuilder()
        .addInterceptor(
            chain -> {
              Request request = chain.request();
              SENT.add(request.method() + " " + request.url().encodedPath());
              for (Rule rule : RULES) {
                if (rule.method().equals(request.method())
                    && rule.path().matcher(request.url().encodedPath()).find()) {
                  return chain.proceed(
                      request.newBuilder().header("Prefer", rule.prefer()).build());
                }
              }
              return chain.proceed(request);
            })
        .addInterceptor(new MockExamples())
        .build();
  }

  @TempDir Path home;

  final Map<String, String> env = new HashMap<>();
  Path configFile;

  private final PrismExtension prism;
  private final PrismContext target;

  /**
   * @param prism the class's Prism extension (a static {@code @RegisterExtension} field)
   * @param target the vendor context to run the CLI in
   */
  PrismCliTest(PrismExtension prism, PrismContext target) {
    this.prism = prism;
    this.target = target;
  }

  /**
   * The context settings (YAML lines under the context name, 4-space indented) for Prism at {@code
   * baseUrl}.
   */
  String context(String baseUrl) {
    return target.settings(baseUrl);
  }

  /** The environment variables holding the context's (dummy) credentials. */
  Map<String, String> credentials() {
    return target.credentials();
  }

  /** Prism's base URL. */
  String baseUrl() {
    return prism.server().baseUrl();
  }

  @BeforeEach
  void setUpPrismContext() throws IOException {
    RULES.clear();
    SENT.clear();
    http = http();
    configFile = home.resolve("config.yaml");
    Files.writeString(
        configFile, "current-context: mock\ncontexts:\n  mock:\n" + context(baseUrl()));
    env.put("CONNECTCTL_CONFIG", configFile.toString());
    env.putAll(credentials());
  }

  /**
   * Requests with {@code method} whose path contains a match of {@code pathRegex} carry {@code
   * Prefer: prefer}.
   */
  static void prefer(String method, String pathRegex, String prefer) {
    RULES.add(new Rule(method, Pattern.compile(pathRegex), prefer));
  }

  CliRun cli(String... args) {
    return CliRun.run(env, home, new VendorClientFactory(http), args);
  }

  CliRun cliWithInput(String stdin, String... args) {
    return CliRun.runWithInput(env, home, new VendorClientFactory(http), stdin, args);
  }

  /** The requests sent so far in this test that are not reads. */
  static List<String> writes() {
    return SENT.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  Path file(String name, String text) throws IOException {
    return Files.writeString(home.resolve(name), text);
  }

  static void assertExit(int expected, CliRun run) {
    assertEquals(expected, run.exitCode(), run::toString);
  }

  static void assertOneErrorLine(CliRun run, String... parts) {
    FakeCliTest.assertOneErrorLine(run, parts);
  }

  static void assertNoSecret(CliRun run, String secret) {
    assertFalse(run.out().contains(secret), () -> "secret in stdout:\n" + run);
    assertFalse(run.err().contains(secret), () -> "secret in stderr:\n" + run);
  }

  /** The first line of stdout split on runs of spaces. */
  static List<String> header(CliRun run) {
    return List.of(run.out().lines().findFirst().orElse("").split("\\s+"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> tasks(Map<String, Object> status) {
    return (List<Map<String, Object>>) status.get("tasks");
  }

  static void assertStatusKeys(Map<String, Object> status, String context, String vendor) {
    for (String key : List.of("name", "context", "vendor", "state", "vendorState", "tasks")) {
      assertTrue(status.containsKey(key), () -> "missing " + key + " in " + status);
    }
    assertEquals(context, status.get("context"));
    assertEquals(vendor, status.get("vendor"));
    for (Map<String, Object> task : tasks(status)) {
      assertTrue(
          task.containsKey("id") && task.containsKey("state") && task.containsKey("workerId"),
          task::toString);
    }
  }

  // ---- issue 15: connectors as code, for every vendor served by Prism

  @Test
  void exportedDirectoryDiffsCleanAndAppliesWithoutAWrite() throws IOException {
    Path dir = home.resolve("exported");
    CliRun export = cli("export", "--dir", dir.toString());
    assertExit(0, export);
    List<Path> files;
    try (var listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    assertFalse(files.isEmpty(), export::toString);
    for (Path f : files) {
      String text = Files.readString(f);
      assertTrue(text.contains("context: mock") && text.contains("config:"), text);
    }
    CliRun diff = cli("diff", "-f", dir.toString());
    assertExit(0, diff);
    assertEquals("", diff.out(), diff::toString);
    assertTrue(
        diff.err().contains("0 to create, 0 to update, " + files.size() + " unchanged"),
        diff::toString);
    SENT.clear();
    CliRun apply = cli("apply", "-f", dir.toString(), "-o", "json");
    assertExit(0, apply);
    assertEquals(files.size(), apply.jsonArray().size(), apply::toString);
    apply.jsonArray().forEach(r -> assertEquals("unchanged", r.get("action"), apply::toString));
    assertEquals(List.of(), writes(), apply::toString);
    assertFalse(SENT.isEmpty(), "apply read the connectors");
    CliRun table = cli("apply", "-f", dir.toString());
    assertExit(0, table);
    assertTrue(
        table
            .errLines()
            .contains("0 created, 0 updated, " + files.size() + " unchanged, 0 deleted, 0 failed"),
        table::toString);
    assertEquals(List.of(), writes(), table::toString);
  }

  @Test
  void configGetYamlAppliesBackUnchanged() {
    CliRun list = cli("get", "connectors", "-o", "json");
    assertExit(0, list);
    String name = String.valueOf(list.jsonArray().get(0).get("name"));
    CliRun get = cli("config", "get", name, "-o", "yaml");
    assertExit(0, get);
    name =
        get.out()
            .lines()
            .filter(l -> l.startsWith("name: "))
            .findFirst()
            .orElseThrow()
            .substring(6)
            .strip();
    assertTrue(get.out().contains("context: mock"), get::toString);
    SENT.clear();
    CliRun apply = cliWithInput(get.out(), "apply", "-f", "-", "--dry-run");
    assertExit(0, apply);
    assertEquals("connector/" + name + " unchanged (dry run)", apply.out().strip());
    assertEquals(List.of(), writes(), apply::toString);
    CliRun diff = cliWithInput(get.out(), "diff", "-f", "-");
    assertExit(0, diff);
  }

  @Test
  void exportStreamsYamlAndJsonThatApplyReadsBack() {
    CliRun yaml = cli("export", "-o", "yaml");
    assertExit(0, yaml);
    assertTrue(yaml.out().startsWith("---\n"), yaml::toString);
    CliRun json = cli("export", "-o", "json");
    assertExit(0, json);
    List<Map<String, Object>> documents = json.jsonArray();
    assertFalse(documents.isEmpty());
    documents.forEach(
        d -> assertEquals(List.of("name", "context", "vendor", "config"), List.copyOf(d.keySet())));
    assertExit(0, cliWithInput(yaml.out(), "diff", "-f", "-"));
    assertExit(0, cliWithInput(json.out(), "diff", "-f", "-"));
  }

  @Test
  void configGetOfAnotherVendorIsRefused() {
    String other = context(baseUrl()).contains("vendor: redpanda") ? "confluent" : "redpanda";
    CliRun apply =
        cliWithInput(
            "name: x\ncontext: mock\nvendor: " + other + "\nconfig: {a: b}\n", "apply", "-f", "-");
    assertExit(2, apply);
    assertOneErrorLine(apply, "standard input", "connector 'x'", "names vendor '" + other + "'");
    CliRun otherContext =
        cliWithInput(
            "name: x\ncontext: elsewhere\nconfig: {a: b}\n",
            "apply",
            "-f",
            "-",
            "--context",
            "mock");
    assertExit(2, otherContext);
    assertTrue(
        otherContext.err().contains("None of the connectors in the files is for context 'mock'"),
        otherContext::toString);
    assertEquals(List.of(), writes());
  }
}
