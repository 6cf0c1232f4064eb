package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared set-up for CLI tests over in-memory fake clients: a config with one context per vendor.
 */
abstract class FakeCliTest {
  static final String CONFIG =
      """
      # team contexts
      current-context: rp
      contexts:
        rp:
          vendor: redpanda
          url: https://api-1.example.com
          credentials: {env: {token: RP_TOKEN}}
        cf:
          vendor: confluent
          environment: env-1
          cluster: lkc-1
          credentials: {env: {api-key: CF_KEY, api-secret: CF_SECRET}}
        yc:
          vendor: yandex
          cluster: c9q1
          credentials: {env: {iam-token: YC_TOKEN_VAR}}
      """;

  @TempDir Path home;

  Path configFile;
  final Map<String, String> env = new HashMap<>();
  final Map<String, FakeConnectorClient> fakes = new LinkedHashMap<>();
  final Map<String, Target> targets = new LinkedHashMap<>();
  final Map<String, Credentials> credentials = new LinkedHashMap<>();

  @BeforeEach
  void setUpContexts() throws IOException {
    configFile = home.resolve("config.yaml");
    Files.writeString(configFile, CONFIG);
    env.put("CONNECTCTL_CONFIG", configFile.toString());
    env.put("RP_TOKEN", "rp-secret-token");
    env.put("CF_KEY", "CFKEY");
    env.put("CF_SECRET", "cf-secret-value");
    env.put("YC_TOKEN_VAR", "yc-iam-secret");
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.example.Sink");
    config.put("topics", "orders");
    config.put("database.password", "hunter22");
    fakes.put(
        "rp",
        FakeConnectorClient.of(Vendor.REDPANDA)
            .with("orders-sink", ConnectorState.RUNNING, config)
            .with("orders-source", ConnectorState.PAUSED, config)
            .with("payments", ConnectorState.FAILED, config));
    fakes.put(
        "cf",
        FakeConnectorClient.of(Vendor.CONFLUENT).with("cf-sink", ConnectorState.RUNNING, config));
    fakes.put(
        "yc",
        FakeConnectorClient.of(Vendor.YANDEX).with("yc-mirror", ConnectorState.RUNNING, config));
  }

  CliRun cli(String... args) {
    return CliRun.run(
        env,
        home,
        (target, creds, settings) -> {
          targets.put(target.context(), target);
          credentials.put(target.context(), creds);
          FakeConnectorClient fake = fakes.get(target.context());
          if (fake == null) {
            fake =
                fakes.get(
                    target.vendor() == Vendor.REDPANDA
                        ? "rp"
                        : target.vendor() == Vendor.CONFLUENT ? "cf" : "yc");
          }
          return fake;
        },
        args);
  }

  static void assertExit(int expected, CliRun run) {
    assertEquals(expected, run.exitCode(), run::toString);
  }

  /** Exactly one error line, containing each of {@code parts}. */
  static void assertOneErrorLine(CliRun run, String... parts) {
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith("error: "), run::toString);
    for (String part : parts) {
      assertTrue(lines.get(0).contains(part), () -> "missing '" + part + "' in:\n" + run);
    }
    assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");
  }

  static void assertNoSecrets(CliRun run) {
    for (String secret :
        List.of("hunter22", "rp-secret-token", "cf-secret-value", "yc-iam-secret")) {
      assertFalse(run.out().contains(secret), () -> "secret " + secret + " in stdout:\n" + run);
      assertFalse(run.err().contains(secret), () -> "secret " + secret + " in stderr:\n" + run);
    }
  }
}
