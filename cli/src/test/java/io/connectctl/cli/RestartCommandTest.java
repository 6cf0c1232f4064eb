package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code restart}: the task options reach the client. */
class RestartCommandTest extends FakeCliTest {
  @Test
  void restartPassesTheTaskOptions() {
    CliRun run = cli("restart", "payments", "--include-tasks", "--only-failed");
    assertExit(0, run);
    assertEquals(List.of("restart+tasks+failed payments"), fakes.get("rp").mutations);
  }
}
