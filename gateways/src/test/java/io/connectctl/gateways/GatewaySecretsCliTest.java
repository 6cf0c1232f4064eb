package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
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

  private CliRun cli(Map<String, String> env, String... args) {
    CliRun run = CliRun.run(env, home, new VendorClientFactory(), args);
    assertFalse(
        run.out().contains(CANARY) || run.err().contains(CANARY),
        () -> "the secret value leaked:\n" + run);
    return run;
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

    CliRun dry = cli(env, "apply", "-f", app.toString(), "--dry-run");
    assertEquals(0, dry.exitCode(), dry::toString);
    assertEquals(
        "secret/rp-secret-src created (dry run)",
        dry.out().lines().findFirst().orElseThrow(),
        dry::toString);
    assertFalse(worker.exists("rp-secret-src"));

    CliRun apply = cli(env, "apply", "-f", app.toString(), "--wait", "--verbose");
    assertEquals(0, apply.exitCode(), apply::toString);
    assertEquals(
        "secret/rp-secret-src created",
        apply.out().lines().findFirst().orElseThrow(),
        apply::toString);
    assertEquals("RUNNING", worker.state("rp-secret-src"));
    CliRun status = cli(env, "status", "rp-secret-src", "-o", "json");
    assertEquals(0, status.exitCode(), status::toString);
    assertTrue(status.out().contains("\"state\": \"RUNNING\""), status::toString);

    CliRun again = cli(env, "apply", "-f", app.toString());
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(
        List.of("secret/rp-secret-src unchanged", "connector/rp-secret-src unchanged"),
        again.out().lines().toList(),
        again::toString);

    CliRun secrets = cli(env, "get", "secrets", "--name-contains", "rp-secret", "-o", "json");
    assertEquals(0, secrets.exitCode(), secrets::toString);
    assertTrue(
        secrets.out().contains("\"rp-secret-src\"") && secrets.out().contains("data-platform"),
        secrets::toString);
    CliRun describe = cli(env, "describe", "secret", "rp-secret-src");
    assertEquals(0, describe.exitCode(), describe::toString);
    CliRun clusters = cli(env, "get", "clusters", "-o", "json");
    assertEquals(0, clusters.exitCode(), clusters::toString);

    assertEquals(0, cli(env, "delete", "rp-secret-src", "--wait").exitCode());
    assertEquals(0, cli(env, "delete", "secret", "rp-secret-src").exitCode());
    CliRun gone = cli(env, "describe", "secret", "rp-secret-src");
    assertEquals(4, gone.exitCode(), gone::toString);
    assertFalse(worker.exists("rp-secret-src"));
  }
}
