package io.connectctl.facade.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.VendorRules;
import java.util.Optional;

/** Checks shared by the vendors' rules tests. */
public final class RulesAssertions {
  private RulesAssertions() {}

  /**
   * Each status gets no retry reason from {@code rules}, which must decide without reading the
   * body.
   */
  public static void assertNoRetryWithoutReadingTheBody(VendorRules rules, int... statuses) {
    for (int status : statuses) {
      assertTrue(
          rules
              .retryReason(
                  status,
                  () -> {
                    throw new AssertionError("the body must not be read");
                  })
              .isEmpty(),
          Integer.toString(status));
    }
  }

  /**
   * {@code rules} give {@code why} as the reason to retry this answer; an empty {@code why}: none.
   */
  public static void assertRetryReason(VendorRules rules, int status, String body, String why) {
    Optional<String> reason = rules.retryReason(status, () -> body);
    assertEquals(why.isEmpty() ? Optional.empty() : Optional.of(why), reason);
  }
}
