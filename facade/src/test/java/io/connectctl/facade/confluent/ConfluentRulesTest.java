package io.connectctl.facade.confluent;

import static io.connectctl.facade.testing.RulesAssertions.assertNoRetryWithoutReadingTheBody;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.errors.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfluentRulesTest {
  private static final VendorRules RULES = Vendor.CONFLUENT.rules();

  @Test
  void isTheVendorsRules() {
    assertSame(ConfluentRules.INSTANCE, RULES);
  }

  @Test
  void retriesNothingOfItsOwnAndNeverReadsTheBody() {
    assertNoRetryWithoutReadingTheBody(RULES, 400, 404, 409, 500, 502, 503);
  }

  @Test
  void namesCodesTasksAndConfigKeys() {
    assertDoesNotThrow(() -> RULES.checkName("orders sink " + "x".repeat(300)));
    assertEquals(Optional.empty(), RULES.describeCode("5"));
    assertEquals(Optional.empty(), RULES.describeCode("404"));
    assertTrue(RULES.reportsTasks());
    assertFalse(RULES.isWriteOnlyConfigKey("kafka.api.secret"));
  }

  @Test
  void credentialsFromTheEnvironment() {
    assertEquals(
        List.of("CONFLUENT_CLOUD_API_KEY", "CONFLUENT_CLOUD_API_SECRET"),
        RULES.credentialVariables());
    assertEquals(
        "Basic " + Base64.getEncoder().encodeToString("k:s".getBytes(StandardCharsets.UTF_8)),
        RULES
            .credentialsFrom(
                Map.of("CONFLUENT_CLOUD_API_KEY", " k ", "CONFLUENT_CLOUD_API_SECRET", " s "), null)
            .authorizationHeader());
    assertEquals(
        "No confluent credentials: set CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET",
        assertThrows(UnauthorizedException.class, () -> RULES.credentialsFrom(Map.of(), null))
            .getMessage());
    assertEquals(
        "Incomplete confluent credentials: CONFLUENT_CLOUD_API_KEY is set but CONFLUENT_CLOUD_API_SECRET is not",
        assertThrows(
                UnauthorizedException.class,
                () -> RULES.credentialsFrom(Map.of("CONFLUENT_CLOUD_API_KEY", "k"), null))
            .getMessage());
  }
}
