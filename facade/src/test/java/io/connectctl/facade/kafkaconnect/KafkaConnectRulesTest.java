package io.connectctl.facade.kafkaconnect;

import static io.connectctl.facade.testing.RulesAssertions.assertNoRetryWithoutReadingTheBody;
import static io.connectctl.facade.testing.RulesAssertions.assertRetryReason;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.errors.RequestRefusedException;
import io.connectctl.facade.errors.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaConnectRulesTest {
  private static final VendorRules RULES = Vendor.KAFKA_CONNECT.rules();

  @Test
  void isTheVendorsRules() {
    assertSame(KafkaConnectRules.INSTANCE, RULES);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "409 | {\"error_code\":409,\"message\":\"Cannot complete request momentarily due to stale configuration (typically caused by a concurrent config change)\"} | Kafka Connect rebalance in progress",
        "409 | {\"error_code\":409,\"message\":\"Cannot complete request because of a conflicting operation (e.g. worker rebalance)\"} | Kafka Connect rebalance in progress",
        "409 | {\"error_code\":409,\"message\":\"Rebalance is in progress\"} | Kafka Connect rebalance in progress",
        "409 | {\"error_code\":409,\"message\":\"Connector orders already exists\"} | ''",
        "500 | {\"error_code\":500,\"message\":\"Request cannot be completed because a rebalance is expected\"} | Kafka Connect rebalance expected",
        "500 | {\"error_code\":500,\"message\":\"NullPointerException\"} | ''",
        "500 | '' | ''",
        "503 | {\"error_code\":503,\"message\":\"rebalance is expected\"} | ''",
        "400 | {\"error_code\":400,\"message\":\"rebalance\"} | ''",
      })
  void retriesWhatTheWorkerRefusedWhileRebalancing(int status, String body, String why) {
    assertRetryReason(RULES, status, body, why);
  }

  @Test
  void readsTheBodyOnlyForAConflictOrAServerError() {
    assertNoRetryWithoutReadingTheBody(RULES, 400, 404, 502, 503);
  }

  @Test
  void namesCodesTasksAndConfigKeys() {
    assertDoesNotThrow(() -> RULES.checkName("orders sink;v2 " + "x".repeat(300)));
    // issue 22 item 3: a slash is created by the worker but never addressable again
    assertThrows(RequestRefusedException.class, () -> RULES.checkName("orders sink/v2"));
    assertEquals(Optional.empty(), RULES.describeCode("5"));
    assertTrue(RULES.reportsTasks());
    assertFalse(RULES.isWriteOnlyConfigKey("connection.password"));
  }

  @Test
  void credentialsFromTheEnvironment() {
    assertEquals(
        List.of("KAFKA_CONNECT_TOKEN", "KAFKA_CONNECT_USERNAME", "KAFKA_CONNECT_PASSWORD"),
        RULES.credentialVariables());
    assertEquals(
        "Bearer t-1",
        RULES
            .credentialsFrom(
                Map.of("KAFKA_CONNECT_TOKEN", " t-1 ", "KAFKA_CONNECT_USERNAME", "u"), null)
            .authorizationHeader());
    // the user name is trimmed, the password is taken as it is
    assertEquals(
        "Basic "
            + Base64.getEncoder().encodeToString("admin: p w ".getBytes(StandardCharsets.UTF_8)),
        RULES
            .credentialsFrom(
                Map.of("KAFKA_CONNECT_USERNAME", " admin ", "KAFKA_CONNECT_PASSWORD", " p w "),
                null)
            .authorizationHeader());
    assertEquals("", RULES.credentialsFrom(Map.of(), null).authorizationHeader());
    UnauthorizedException half =
        assertThrows(
            UnauthorizedException.class,
            () -> RULES.credentialsFrom(Map.of("KAFKA_CONNECT_USERNAME", "admin"), null));
    assertEquals(
        "Incomplete kafka-connect credentials: KAFKA_CONNECT_USERNAME is set but KAFKA_CONNECT_PASSWORD is not",
        half.getMessage());
  }
}
