package io.connectctl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JUnit runs {@code beforeAll} of an extension registered on a class again for each {@code @Nested}
 * class; the extension must not start a second Prism then (the first would be left running after
 * the tests).
 */
class PrismExtensionNestingTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.REDPANDA);

  static PrismServer outer;

  @BeforeAll
  static void remember() {
    outer = PRISM.server();
  }

  static long prismChildren() {
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().commandLine().map(c -> c.contains("prism")).orElse(false))
        .count();
  }

  @Test
  void oneServer() {
    assertEquals(1, prismChildren());
  }

  @Nested
  class Inner {
    @Test
    void sameServerAndStillOneProcess() {
      assertSame(outer, PRISM.server());
      assertEquals(1, prismChildren());
    }

    @Nested
    class Deeper {
      @Test
      void sameServerTwoLevelsDown() {
        assertSame(outer, PRISM.server());
        assertEquals(1, prismChildren());
      }
    }
  }
}
