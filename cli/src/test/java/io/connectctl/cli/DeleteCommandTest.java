package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code delete}: every name is deleted. */
class DeleteCommandTest extends FakeCliTest {
  @Test
  void deleteRemovesEveryName() {
    CliRun run = cli("delete", "orders-sink", "payments", "-o", "json");
    assertExit(0, run);
    assertEquals(2, run.jsonArray().size());
    assertEquals(
        List.of("delete orders-sink", "delete payments"),
        fakes.get("rp").mutations.stream().sorted().toList());
  }
}
