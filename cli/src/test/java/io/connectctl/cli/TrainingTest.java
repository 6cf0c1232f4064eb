package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training run behind the start-up archive exercises what it is meant to: each command ends as
 * a real run would (listing, status, describe, config and JSON output succeed against its loopback
 * server; the missing connector, refused connection and bad format fail as such), so the archive
 * holds the classes of the successful paths, not only of error handling.
 */
class TrainingTest {
  @Test
  void everyTrainingCommandEndsAsExpected() throws Exception {
    assertEquals(
        List.of(
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.NOT_FOUND,
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.OK,
            ExitCode.API_FAILED,
            ExitCode.USAGE),
        Training.run());
  }
}
