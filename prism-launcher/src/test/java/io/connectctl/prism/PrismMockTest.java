package io.connectctl.prism;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a user without the tools sees. */
class PrismMockTest {
  @Test
  void withoutNodeTheMessageSaysWhatToInstall() {
    PrismException e =
        assertThrows(
            PrismException.class, () -> PrismMock.requireNode(Map.of("PATH", "/nonexistent")));
    assertTrue(e.getMessage().contains("Node.js 18 or newer"), e.getMessage());
    assertTrue(e.getMessage().contains("nodejs.org"), e.getMessage());
  }

  @Test
  void nodeOnThePathIsFound() {
    assertDoesNotThrow(() -> PrismMock.requireNode(System.getenv()));
  }

  @Test
  void withoutPrismTheMessageSaysHowToInstallIt() {
    PrismException e =
        assertThrows(
            PrismException.class,
            () ->
                PrismMock.start(
                    Path.of("/nonexistent/prism"),
                    Path.of("spec.yaml"),
                    OptionalLong.empty(),
                    System.getenv()));
    assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
  }
}
