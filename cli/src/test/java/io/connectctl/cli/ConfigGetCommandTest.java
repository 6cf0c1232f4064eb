package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config get}: masked by default, {@code --show-secrets} unmasks. */
class ConfigGetCommandTest extends FakeCliTest {
  @Test
  void showSecretsUnmasks() {
    CliRun run = cli("config", "get", "orders-sink", "--show-secrets", "-o", "json");
    assertExit(0, run);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) run.jsonObject().get("config");
    assertEquals("hunter22", config.get("database.password"));
  }

  @Test
  void configGetMasksByDefault() {
    CliRun run = cli("config", "get", "orders-sink");
    assertExit(0, run);
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("database\\.password\\s+" + Redaction.REDACTED)),
        run::toString);
    assertNoSecrets(run);
  }
}
