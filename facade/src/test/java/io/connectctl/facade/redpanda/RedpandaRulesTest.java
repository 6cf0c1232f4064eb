package io.connectctl.facade.redpanda;

import static io.connectctl.facade.testing.RulesAssertions.assertNoRetryWithoutReadingTheBody;
import static io.connectctl.facade.testing.RulesAssertions.assertRetryReason;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.auth.OAuth2ClientCredentials;
import io.connectctl.facade.errors.UnauthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedpandaRulesTest {
  private static final VendorRules RULES = Vendor.REDPANDA.rules();

  @Test
  void isTheVendorsRules() {
    assertSame(RedpandaRules.INSTANCE, RULES);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "409 | {\"code\":\"ABORTED\",\"message\":\"Rebalance in progress\"} | Kafka Connect rebalance in progress",
        "409 | {\"code\":\"FAILED_PRECONDITION\",\"message\":\"Cannot complete request momentarily due to stale configuration\"} | Kafka Connect rebalance in progress",
        "409 | {\"message\":\"Cannot complete request because of a conflicting operation\"} | Kafka Connect rebalance in progress",
        "409 | rebalance is expected (plain text) | Kafka Connect rebalance in progress",
        "409 | {\"code\":\"ALREADY_EXISTS\",\"message\":\"connector orders already exists\"} | ''",
        "409 | {\"message\":\"connector orders already exists\",\"hint\":\"rebalance\"} | ''",
        "409 | '' | ''",
        "500 | {\"message\":\"Request cannot be completed because a rebalance is expected\"} | ''",
        "400 | {\"message\":\"rebalance in progress\"} | ''",
      })
  void retriesAConflictOnlyWhenTheWorkerSaysItIsRebalancing(int status, String body, String why) {
    assertRetryReason(RULES, status, body, why);
  }

  @Test
  void readsTheBodyOnlyForAConflict() {
    assertNoRetryWithoutReadingTheBody(RULES, 400, 404, 500, 502);
  }

  @Test
  void namesCodesTasksAndConfigKeys() {
    assertDoesNotThrow(() -> RULES.checkName("any name/with?odd#chars " + "x".repeat(300)));
    assertEquals(Optional.empty(), RULES.describeCode("5"));
    assertEquals(Optional.empty(), RULES.describeCode("NOT_FOUND"));
    assertTrue(RULES.reportsTasks());
    assertFalse(RULES.isWriteOnlyConfigKey("password"));
    assertFalse(RULES.isWriteOnlyConfigKey("topics"));
  }

  @Test
  void credentialVariablesInTheOrderTried() {
    assertEquals(
        List.of(
            "REDPANDA_TOKEN", "REDPANDA_CLIENT_ID", "REDPANDA_CLIENT_SECRET", "REDPANDA_AUDIENCE"),
        RULES.credentialVariables());
  }

  @Test
  void credentialsFromTheEnvironment() {
    Credentials token =
        RULES.credentialsFrom(
            Map.of("REDPANDA_TOKEN", "t-1", "REDPANDA_CLIENT_ID", "id"), "https://auth/token");
    assertEquals("Bearer t-1", token.authorizationHeader());

    Credentials client =
        RULES.credentialsFrom(
            Map.of("REDPANDA_CLIENT_ID", " id-1 ", "REDPANDA_CLIENT_SECRET", "s-1"),
            "https://auth/token");
    assertInstanceOf(OAuth2ClientCredentials.class, client);
    assertTrue(
        client.toString().contains("clientId=id-1, tokenUrl=https://auth/token"),
        client.toString());

    UnauthorizedException none =
        assertThrows(UnauthorizedException.class, () -> RULES.credentialsFrom(Map.of(), "u"));
    assertEquals(
        "No redpanda credentials: set REDPANDA_TOKEN, or REDPANDA_CLIENT_ID and REDPANDA_CLIENT_SECRET",
        none.getMessage());
    UnauthorizedException half =
        assertThrows(
            UnauthorizedException.class,
            () -> RULES.credentialsFrom(Map.of("REDPANDA_CLIENT_SECRET", "s-1"), "u"));
    assertEquals(
        "Incomplete redpanda credentials: REDPANDA_CLIENT_SECRET is set but REDPANDA_CLIENT_ID is not",
        half.getMessage());
    assertFalse(half.getMessage().contains("s-1"));
  }
}
