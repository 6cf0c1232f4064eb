package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 8: a reference to a secret held elsewhere ({@code ${secretsManager:…}}, a config
 * provider's {@code ${file:…}}) is not a secret and is shown as written; secret values stay masked.
 */
class ReferencesShownTest extends FakeCliTest {
  private static final String SM = "${secretsManager:s3-sink:aws.secret.access.key}";
  private static final String FILE = "${file:/etc/kc.properties:db.password}";

  @Test
  void configGetShowsReferencesAsWritten() {
    fakes
        .get("rp")
        .with(
            "s3-sink",
            ConnectorState.RUNNING,
            Map.of(
                "connector.class",
                "io.example.S3",
                "aws.secret.access.key",
                SM,
                "database.password",
                FILE,
                "sasl.password",
                "hunter22"));
    CliRun run = cli("config", "get", "s3-sink");
    assertExit(0, run);
    assertTrue(run.out().contains(SM), run::toString);
    assertTrue(run.out().contains(FILE), run::toString);
    assertTrue(run.out().contains("<redacted>"), run::toString);
    assertNoSecrets(run);
  }

  @Test
  void diffShowsReferencesAsWritten() throws IOException {
    Path f = home.resolve("s3.yaml");
    Files.writeString(
        f,
        "name: s3-new\nconfig:\n  connector.class: io.example.S3\n  aws.secret.access.key: \""
            + SM
            + "\"\n  sasl.password: hunter22\n");
    CliRun run = cli("diff", "-f", f.toString());
    assertTrue(run.out().contains("aws.secret.access.key = " + SM), run::toString);
    assertFalse(run.out().contains("hunter22"), run::toString);
    assertTrue(run.out().contains("sasl.password = <redacted>"), run::toString);
  }
}
