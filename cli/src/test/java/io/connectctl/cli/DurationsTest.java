package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesKubectlStyleDurations() {
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s", "--timeout"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("5m", "--timeout"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h", "--timeout"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "--timeout"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s", "--timeout"));
    assertEquals(Duration.ZERO, Durations.parse("0", "--timeout"));
  }

  @Test
  void refusesAnythingElseNamingTheFlag() {
    for (String bad : new String[] {"", "5", "5 m", "-1s", "1d", "soon"}) {
      CliException e = assertThrows(CliException.class, () -> Durations.parse(bad, "--timeout"));
      assertEquals(ExitCode.USAGE, e.exitCode());
      assertTrue(e.getMessage().contains("--timeout"), e::getMessage);
    }
  }

  @Test
  void formatsBack() {
    assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
    assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("1h", Durations.format(Duration.ofHours(1)));
    assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
  }
}
