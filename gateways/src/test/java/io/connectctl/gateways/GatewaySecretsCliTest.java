package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Redpanda walkthrough for real: one {@code apply -f} file declaring a secret and a
 * connector whose config references it, against the Redpanda gateway over the real worker (through
 * its validating proxy); then {@code status}, a re-apply that writes nothing, {@code get secrets},
 * and cleanup. The secret's value never reaches stdout or stderr, with or without {@code
 * --verbose}.
 */
class GatewaySecretsCliTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  private static final String CANARY = "canary-gateway-secret-81d0";

  @TempDir Path home;

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code =
          new ConnectCtl(
                  new CliEnvironment(
                      env,
                      home,
                      Path.of("..").toAbsolutePath().normalize(),
                      o,
                      e,
                      new VendorClientFactory()))
              .run(args);
      Run run =
          new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      assertFalse(
          run.out().contains(CANARY) || run.err().contains(CANARY),
          () -> "the secret value leaked:\n" + run);
      return run;
    }
  }

  @Test
  void applyWithSecretsThenStatus() throws IOException {
    Sandbox sandbox = SANDBOX.sandbox();
    WorkerView worker = new WorkerView(sandbox.worker);
    Path input = Files.write(home.resolve("lines.txt"), List.of("one", "two"));
    Path config =
        Files.writeString(
            home.resolve("config.yaml"),
            "current-context: rp\ncontexts:\n  rp:\n"
                + "    vendor: redpanda\n    url: "
                + sandbox.redpandaProxy.url()
                + "\n    credentials: {env: {token: RP_T}}\n");
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CONNECTCTL_CONFIG",
                config.toString(),
                "RP_T",
                "local-token",
                "SRC_PASSWORD",
                CANARY));
    Path app =
        Files.writeString(
            home.resolve("app.yaml"),
            """
        name: rp-secret-src
        secrets:
          rp-secret-src:
            labels: {owner: data-platform}
            data:
              source.password: {env: SRC_PASSWORD}
        config:
          connector.class: org.apache.kafka.connect.file.FileStreamSourceConnector
          tasks.max: '1'
          file: %s
          topic: rp-secret-lines
          source.password: ${secretsManager:rp-secret-src:source.password}
        """
                .formatted(input));

    Run dry = cli(env, "apply", "-f", app.toString(), "--dry-run");
    assertEquals(0, dry.exit(), dry::toString);
    assertEquals(
        "secret/rp-secret-src created (dry run)",
        dry.out().lines().findFirst().orElseThrow(),
        dry::toString);
    assertFalse(worker.exists("rp-secret-src"));

    Run apply = cli(env, "apply", "-f", app.toString(), "--wait", "--verbose");
    assertEquals(0, apply.exit(), apply::toString);
    assertEquals(
        "secret/rp-secret-src created",
        apply.out().lines().findFirst().orElseThrow(),
        apply::toString);
    assertEquals("RUNNING", worker.state("rp-secret-src"));
    Run status = cli(env, "status", "rp-secret-src", "-o", "json");
    assertEquals(0, status.exit(), status::toString);
    assertTrue(status.out().contains("\"state\": \"RUNNING\""), status::toString);

    Run again = cli(env, "apply", "-f", app.toString());
    assertEquals(0, again.exit(), again::toString);
    assertEquals(
        List.of("secret/rp-secret-src unchanged", "connector/rp-secret-src unchanged"),
        again.out().lines().toList(),
        again::toString);

    Run secrets = cli(env, "get", "secrets", "--name-contains", "rp-secret", "-o", "json");
    assertEquals(0, secrets.exit(), secrets::toString);
    assertTrue(
        secrets.out().contains("\"rp-secret-src\"") && secrets.out().contains("data-platform"),
        secrets::toString);
    Run describe = cli(env, "describe", "secret", "rp-secret-src");
    assertEquals(0, describe.exit(), describe::toString);
    Run clusters = cli(env, "get", "clusters", "-o", "json");
    assertEquals(0, clusters.exit(), clusters::toString);

    assertEquals(0, cli(env, "delete", "rp-secret-src", "--wait").exit());
    assertEquals(0, cli(env, "delete", "secret", "rp-secret-src").exit());
    Run gone = cli(env, "describe", "secret", "rp-secret-src");
    assertEquals(4, gone.exit(), gone::toString);
    assertFalse(worker.exists("rp-secret-src"));
  }
}
