package io.connectctl.cli.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private long now;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressLines lines =
      new ProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), "  x: ", () -> now);

  private List<String> printed() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aLineIsPrintedWhenWhatIsSeenChangesNotAtEveryPoll() {
    for (int i = 0; i < 17; i++) {
      lines.show("RUNNING (RUNNING)");
      now += 1_000_000_000L; // 17 polls, one a second: printed at 0 s and, as a heartbeat, at 10 s
    }
    lines.show("PAUSED (PAUSED)");
    assertEquals(
        List.of("  x: RUNNING (RUNNING)", "  x: RUNNING (RUNNING)", "  x: PAUSED (PAUSED)"),
        printed());
  }

  @Test
  void aChangeIsPrintedAtOnceEvenRightAfterAnotherLine() {
    lines.show("a");
    lines.show("b");
    lines.show("a");
    assertEquals(List.of("  x: a", "  x: b", "  x: a"), printed());
  }
}
