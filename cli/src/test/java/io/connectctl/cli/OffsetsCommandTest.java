package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code offsets}: partitions and offsets. */
class OffsetsCommandTest extends FakeCliTest {
  @Test
  void offsetsPrintsPartitionsAndOffsets() {
    CliRun offsets = cli("offsets", "cf-sink", "--context", "cf");
    assertExit(0, offsets);
    assertTrue(
        offsets
            .out()
            .lines()
            .anyMatch(l -> l.contains("{ \"kafka_partition\": 0 }") && l.contains("42")),
        offsets::toString);
  }
}
