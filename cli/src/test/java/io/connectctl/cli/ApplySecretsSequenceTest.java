package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.connectctl.cli.apply.SecretFingerprints;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} with declared secrets, run again and again against a scripted Redpanda data plane
 * that keeps secrets (labels and data) and connectors in memory and records every write: secrets
 * are written before the connector, unchanged values are not rewritten, changed values, labels or
 * {@code --force} rewrite them, and a missing variable stops everything before the first request.
 * The canary value never reaches any output.
 */
class ApplySecretsSequenceTest {
  private static final String CANARY = "canary-apply-secret-4c2b";
  private static final String BASE = "/v1/kafka-connect/clusters/redpanda";

  @TempDir Path home;

  private MockWebServer server;
  private final Map<String, Map<String, Object>> secrets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> connectors = new ConcurrentHashMap<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private Path manifest;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new ScriptedDataPlane());
    server.start();
    Path config = home.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: rp\ncontexts:\n  rp:\n    vendor: redpanda\n    url: "
            + server.url("/")
            + "\n    credentials: {env: {token: RP_TOKEN}}\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
    env.put("RP_TOKEN", "rp-token-for-test");
    env.put("PG_PASSWORD", CANARY);
    Files.writeString(home.resolve("pg-user.txt"), "debezium\n");
    manifest = writeManifest("data-platform");
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Path writeManifest(String owner) throws IOException {
    return Files.writeString(
        home.resolve("orders.yaml"),
        """
        name: orders-pg-source
        secrets:
          orders-pg-source:
            labels: {owner: %s}
            data:
              database.password: {env: PG_PASSWORD}
              database.user: {file: pg-user.txt}
        config:
          connector.class: io.debezium.connector.postgresql.PostgresConnector
          database.user: ${secretsManager:orders-pg-source:database.user}
          database.password: ${secretsManager:orders-pg-source:database.password}
        """
            .formatted(owner));
  }

  private CliRun cli(String... args) {
    CliRun run = CliRun.run(env, home, new VendorClientFactory(), args);
    assertFalse(run.out().contains(CANARY), () -> "canary in stdout:\n" + run);
    assertFalse(run.err().contains(CANARY), () -> "canary in stderr:\n" + run);
    return run;
  }

  @Test
  void reapplyingUnchangedSecretsSendsNoWrite() throws IOException {
    CliRun dry = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertEquals(0, dry.exitCode(), dry::toString);
    assertEquals(
        List.of("secret/orders-pg-source created (dry run)"), dry.out().lines().limit(1).toList());
    assertEquals(List.of(), writes, "a dry run writes nothing");
    assertFalse(Files.exists(SecretFingerprints.keyFile(home)), "a dry run creates no key");

    CliRun first = cli("apply", "-f", manifest.toString(), "--verbose");
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(
        List.of("POST secret orders-pg-source", "POST connector orders-pg-source"), writes);
    assertEquals("secret/orders-pg-source created", first.out().lines().findFirst().orElseThrow());
    Map<String, Object> stored = secrets.get("orders-pg-source");
    assertEquals(Map.of("database.password", CANARY, "database.user", "debezium"), data(stored));
    @SuppressWarnings("unchecked")
    Map<String, String> labels = (Map<String, String>) stored.get("labels");
    assertEquals("data-platform", labels.get("owner"));
    String fingerprint = labels.get(SecretFingerprints.LABEL);
    assertTrue(fingerprint.matches("[0-9a-f]{48}"), fingerprint);
    Path key = SecretFingerprints.keyFile(home);
    assertTrue(Files.exists(key));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

    CliRun again = cli("apply", "-f", manifest.toString(), "-o", "json");
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals("unchanged", again.jsonArray().get(0).get("action"));
    assertEquals("unchanged", again.jsonArray().get(1).get("action"));
    assertEquals(2, writes.size(), "nothing rewritten: " + writes);

    env.put("PG_PASSWORD", CANARY + "-rotated");
    CliRun rotatedDry = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertEquals(
        "secret/orders-pg-source updated (dry run)",
        rotatedDry.out().lines().findFirst().orElseThrow());
    assertEquals(2, writes.size());
    CliRun rotated = cli("apply", "-f", manifest.toString());
    assertEquals(0, rotated.exitCode(), rotated::toString);
    assertEquals(
        "secret/orders-pg-source updated", rotated.out().lines().findFirst().orElseThrow());
    assertEquals("PUT secret orders-pg-source", writes.get(2));
    assertEquals(
        CANARY + "-rotated", data(secrets.get("orders-pg-source")).get("database.password"));
    assertEquals(3, writes.size());

    CliRun unchanged = cli("apply", "-f", manifest.toString());
    assertEquals(
        "secret/orders-pg-source unchanged", unchanged.out().lines().findFirst().orElseThrow());
    assertEquals(3, writes.size());

    CliRun forced = cli("apply", "-f", manifest.toString(), "--force");
    assertEquals("secret/orders-pg-source updated", forced.out().lines().findFirst().orElseThrow());
    assertEquals(4, writes.size());

    writeManifest("payments-team");
    CliRun relabeled = cli("apply", "-f", manifest.toString());
    assertEquals(
        "secret/orders-pg-source updated", relabeled.out().lines().findFirst().orElseThrow());
    assertEquals(5, writes.size());

    // another key (a new machine): written once more, then stable again
    Files.delete(SecretFingerprints.keyFile(home));
    assertEquals(
        "secret/orders-pg-source updated",
        cli("apply", "-f", manifest.toString()).out().lines().findFirst().orElseThrow());
    assertEquals(
        "secret/orders-pg-source unchanged",
        cli("apply", "-f", manifest.toString()).out().lines().findFirst().orElseThrow());
    assertEquals(6, writes.size());
  }

  @Test
  void theFingerprintRevealsNothingAndChangesWithTheValue() {
    cli("apply", "-f", manifest.toString());
    @SuppressWarnings("unchecked")
    String label =
        ((Map<String, String>) secrets.get("orders-pg-source").get("labels"))
            .get(SecretFingerprints.LABEL);
    for (String plain : List.of(CANARY, "debezium")) {
      for (String hash : List.of(sha256(plain), sha256("orders-pg-source" + plain))) {
        assertFalse(
            hash.startsWith(label.substring(0, 16)), "the label is not a plain hash of a value");
      }
    }
  }

  @Test
  void missingVariableOrFileStopsBeforeAnyRequest() throws IOException {
    env.remove("PG_PASSWORD");
    CliRun run = cli("apply", "-f", manifest.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("environment variable PG_PASSWORD is not set"), run::toString);
    assertTrue(
        run.err().contains("secret 'orders-pg-source', key 'database.password'"), run::toString);
    assertEquals(0, server.getRequestCount());

    env.put("PG_PASSWORD", CANARY);
    Files.delete(home.resolve("pg-user.txt"));
    CliRun noFile = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertEquals(2, noFile.exitCode(), noFile::toString);
    assertTrue(noFile.err().contains("pg-user.txt does not exist"), noFile::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void literalValuesAndUnknownReferencesAreRefused() throws IOException {
    Path literal =
        Files.writeString(
            home.resolve("literal.yaml"),
            """
        name: c1
        secrets:
          s1:
            data:
              password: %s
        config: {connector.class: X}
        """
                .formatted(CANARY));
    CliRun run = cli("apply", "-f", literal.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("never written in apply files"), run::toString);

    Path badRef =
        Files.writeString(
            home.resolve("ref.yaml"),
            """
        name: c1
        secrets:
          s1:
            data:
              password: {env: PG_PASSWORD}
        config:
          connector.class: X
          database.password: ${secretsManager:s1:passwd}
        """);
    CliRun ref = cli("apply", "-f", badRef.toString());
    assertEquals(2, ref.exitCode(), ref::toString);
    assertTrue(ref.err().contains("references key 'passwd' of secret 's1'"), ref::toString);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aFailedSecretLeavesTheConnectorAlone() {
    failSecretWrites = true;
    CliRun run = cli("apply", "-f", manifest.toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("create secret 'orders-pg-source'"), run::toString);
    assertTrue(connectors.isEmpty(), "the connector was not created");
  }

  private volatile boolean failSecretWrites;

  @Test
  void secretsComeAlongFromStandardInput() throws IOException {
    String stdin =
        Files.readString(manifest)
            .replace("{file: pg-user.txt}", "{file: " + home.resolve("pg-user.txt") + "}");
    CliRun run =
        CliRun.runWithInput(env, home, new VendorClientFactory(), stdin, "apply", "-f", "-");
    assertFalse(run.out().contains(CANARY) || run.err().contains(CANARY), run::toString);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("secret/orders-pg-source created", run.out().lines().findFirst().orElseThrow());
    assertEquals(
        List.of("POST secret orders-pg-source", "POST connector orders-pg-source"), writes);
    assertEquals(
        Map.of("database.password", CANARY, "database.user", "debezium"),
        data(secrets.get("orders-pg-source")));
  }

  @Test
  void diffShowsSecretsToWriteAndExitsZeroOnceApplied() throws IOException {
    CliRun before = cli("diff", "-f", manifest.toString());
    assertEquals(1, before.exitCode(), before::toString);
    assertEquals(
        List.of("+ secret/orders-pg-source (create)", "+ connector/orders-pg-source (create)"),
        before.out().lines().filter(l -> !l.startsWith(" ")).toList());
    assertTrue(
        before.err().contains("; secrets: 1 to create, 0 to update, 0 unchanged"),
        before::toString);
    CliRun json = cli("diff", "-f", manifest.toString(), "-o", "json");
    assertEquals(1, json.exitCode(), json::toString);
    assertEquals("secret", json.jsonArray().get(0).get("kind"));
    assertEquals("create", json.jsonArray().get(0).get("action"));
    assertEquals("connector", json.jsonArray().get(1).get("kind"), json::toString);
    assertEquals(
        List.of("database.password", "database.user"), json.jsonArray().get(0).get("keys"));
    assertEquals(List.of(), writes, "diff writes nothing");
    assertFalse(Files.exists(SecretFingerprints.keyFile(home)), "diff creates no key");

    assertEquals(0, cli("apply", "-f", manifest.toString()).exitCode());
    CliRun same = cli("diff", "-f", manifest.toString());
    assertEquals(0, same.exitCode(), same::toString);
    assertEquals(List.of(), same.out().lines().toList());
    assertTrue(
        same.err().contains("; secrets: 0 to create, 0 to update, 1 unchanged"), same::toString);

    env.put("PG_PASSWORD", CANARY + "-rotated");
    CliRun rotated = cli("diff", "-f", manifest.toString());
    assertEquals(1, rotated.exitCode(), rotated::toString);
    assertEquals(List.of("~ secret/orders-pg-source (update)"), rotated.out().lines().toList());
    assertEquals(2, writes.size(), "diff writes nothing: " + writes);
  }

  @Test
  void onlyTheSecretsOfTheTargetedContextAreRead() throws IOException {
    Path config = Path.of(env.get("CONNECTCTL_CONFIG"));
    Files.writeString(
        config,
        Files.readString(config)
            + "  other:\n    vendor: redpanda\n    url: "
            + server.url("/elsewhere/")
            + "\n    credentials: {env: {token: RP_TOKEN}}\n");
    Path both =
        Files.writeString(
            home.resolve("both.yaml"),
            Files.readString(manifest)
                    .replace("name: orders-pg-source\n", "name: orders-pg-source\ncontext: rp\n")
                + """
        ---
        name: billing-sink
        context: other
        secrets:
          billing:
            data:
              password: {env: BILLING_PASSWORD}
        config:
          connector.class: X
          password: ${secretsManager:billing:password}
        """);
    CliRun all = cli("apply", "-f", both.toString());
    assertEquals(2, all.exitCode(), all::toString);
    assertTrue(
        all.err().contains("environment variable BILLING_PASSWORD is not set"), all::toString);
    assertEquals(0, server.getRequestCount());

    CliRun limited = cli("apply", "-f", both.toString(), "--context", "rp");
    assertEquals(0, limited.exitCode(), limited::toString);
    assertEquals(
        "secret/orders-pg-source created", limited.out().lines().findFirst().orElseThrow());
    assertEquals(
        List.of("POST secret orders-pg-source", "POST connector orders-pg-source"), writes);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> data(Map<String, Object> secret) {
    String json =
        new String(
            Base64.getDecoder().decode((String) secret.get("secret_data")), StandardCharsets.UTF_8);
    return (Map<String, String>) parse(json);
  }

  private static Object parse(String json) {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String toJson(Object value) {
    return new Moshi.Builder().build().adapter(Object.class).toJson(value);
  }

  /** Just enough of the Redpanda data plane: secrets and connectors kept in memory. */
  private final class ScriptedDataPlane extends Dispatcher {
    @Override
    @SuppressWarnings("unchecked")
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getRequestUrl().encodedPath();
      String method = request.getMethod();
      String body = request.getBody().readUtf8();
      if (path.equals(BASE + "/secrets") && method.equals("POST")) {
        if (failSecretWrites) {
          return json(
              500,
              Map.of("code", "INTERNAL", "message", "failed to write secret to the secret store"));
        }
        Map<String, Object> secret = (Map<String, Object>) parse(body);
        String name = (String) secret.get("name");
        secrets.put(name, secret);
        writes.add("POST secret " + name);
        return json(201, Map.of("secret", view(name, secret)));
      }
      if (path.startsWith(BASE + "/secrets/")) {
        String name = path.substring((BASE + "/secrets/").length());
        Map<String, Object> secret = secrets.get(name);
        if (secret == null) {
          return json(
              404, Map.of("code", "NOT_FOUND", "message", "secret \"" + name + "\" not found"));
        }
        if (method.equals("PUT")) {
          Map<String, Object> update = new LinkedHashMap<>((Map<String, Object>) parse(body));
          update.put("name", name);
          secrets.put(name, update);
          writes.add("PUT secret " + name);
          return json(200, Map.of("secret", view(name, update)));
        }
        return json(200, Map.of("secret", view(name, secret)));
      }
      if (path.equals(BASE + "/connectors") && method.equals("POST")) {
        Map<String, Object> connector = (Map<String, Object>) parse(body);
        String name = (String) connector.get("name");
        connectors.put(name, connector);
        writes.add("POST connector " + name);
        return json(201, Map.of("connector", connector));
      }
      if (path.startsWith(BASE + "/connectors/")) {
        String rest = path.substring((BASE + "/connectors/").length());
        if (rest.endsWith("/config") && method.equals("PUT")) {
          String name = rest.substring(0, rest.length() - "/config".length());
          Map<String, Object> connector = new LinkedHashMap<>();
          connector.put("name", name);
          connector.put("config", parse(body));
          connectors.put(name, connector);
          writes.add("PUT connector " + name);
          return json(200, Map.of("config", connector.get("config")));
        }
        Map<String, Object> connector = connectors.get(rest);
        if (connector == null) {
          return json(
              404, Map.of("code", "NOT_FOUND", "message", "connector \"" + rest + "\" not found"));
        }
        return json(200, Map.of("connector", connector));
      }
      return json(404, Map.of("code", "NOT_FOUND", "message", "no route " + method + " " + path));
    }

    private Map<String, Object> view(String name, Map<String, Object> secret) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", name);
      view.put("labels", secret.getOrDefault("labels", Map.of()));
      view.put("scopes", List.of("SCOPE_REDPANDA_CONNECT"));
      return view;
    }

    private MockResponse json(int status, Object body) {
      return new MockResponse()
          .setResponseCode(status)
          .setHeader("Content-Type", "application/json")
          .setBody(toJson(body));
    }
  }
}
