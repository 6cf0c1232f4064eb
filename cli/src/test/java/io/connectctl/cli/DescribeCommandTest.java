package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code describe}: config with secrets masked, and a connector that does not exist. */
class DescribeCommandTest extends FakeCliTest {
  @Test
  void describeShowsConfigWithSecretsMasked() {
    CliRun run = cli("describe", "orders-sink");
    assertExit(0, run);
    assertTrue(run.out().contains("Name:           orders-sink"), run::toString);
    assertTrue(run.out().contains("database.password = " + Redaction.REDACTED), run::toString);
    assertTrue(run.out().contains("topics = orders"), run::toString);
    assertNoSecrets(run);
    CliRun json = cli("describe", "orders-sink", "-o", "json");
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) json.jsonObject().get("config");
    assertEquals(Redaction.REDACTED, config.get("database.password"));
    assertEquals("RUNNING", json.jsonObject().get("state"));
  }

  @Test
  void notFoundExitsFourNamingConnectorContextAndVendorMessage() {
    CliRun run = cli("describe", "ghost");
    assertExit(4, run);
    assertOneErrorLine(run, "connector 'ghost'", "context 'rp'", "connector ghost does not exist");
    assertEquals("", run.out());
  }
}
