package io.connectctl.facade.yandex;

import static io.connectctl.facade.testing.RulesAssertions.assertNoRetryWithoutReadingTheBody;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnauthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YandexRulesTest {
  private static final VendorRules RULES = Vendor.YANDEX.rules();
  private static final String IAM_URL = "https://iam.example/iam/v1/tokens";

  @Test
  void isTheVendorsRules() {
    assertSame(YandexRules.INSTANCE, RULES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "orders-sink_v1.2", "A", "...x", "0"})
  void acceptsLettersDigitsDashUnderscoreAndDot(String name) {
    assertDoesNotThrow(() -> RULES.checkName(name));
  }

  @Test
  void acceptsAtMost256Characters() {
    assertDoesNotThrow(() -> RULES.checkName("n".repeat(256)));
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> RULES.checkName("n".repeat(257)));
    assertEquals(
        "Connector name '"
            + "n".repeat(37)
            + "...' is 257 characters long; yandex allows at most 256",
        e.getMessage());
    assertEquals(Vendor.YANDEX, e.vendor());
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders sink", "orders/sink", "заказы", "a+b", "a:b"})
  void refusesOtherCharacters(String name) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> RULES.checkName(name));
    assertEquals(
        "Connector name '"
            + name
            + "' is not allowed by yandex: use only letters, digits, '-', '_' and '.'"
            + " ([-_.a-zA-Z0-9], at most 256)",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | OK (gRPC 0)",
        "3 | INVALID_ARGUMENT (gRPC 3)",
        "5 | NOT_FOUND (gRPC 5)",
        "05 | NOT_FOUND (gRPC 05)",
        "9 | FAILED_PRECONDITION (gRPC 9)",
        "16 | UNAUTHENTICATED (gRPC 16)",
        "17 | gRPC 17",
        "99 | gRPC 99",
        "404 | ''",
        "-1 | ''",
        "NOT_FOUND | ''",
      })
  void errorCodesAreGrpcStatusNumbers(String code, String reads) {
    assertEquals(reads.isEmpty() ? Optional.empty() : Optional.of(reads), RULES.describeCode(code));
  }

  @Test
  void retriesNothingOfItsOwnAndReportsNoTasks() {
    assertNoRetryWithoutReadingTheBody(RULES, 409, 500);
    assertEquals(false, RULES.reportsTasks());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "password, true",
    "connection.password, true",
    "sasl.jaas.config, true",
    "ssl.key.password, true",
    "aws.secret.access.key, true",
    "topics, false",
    "tasks.max, false",
    "key.converter, false",
  })
  void secretLookingKeysAreWriteOnly(String key, boolean writeOnly) {
    assertEquals(writeOnly, RULES.isWriteOnlyConfigKey(key));
  }

  @Test
  void credentialsFromTheEnvironment() {
    assertEquals(
        List.of("YC_IAM_TOKEN", "YC_TOKEN", "YC_SERVICE_ACCOUNT_KEY_FILE"),
        RULES.credentialVariables());
    assertEquals(
        "Bearer t1.iam",
        RULES
            .credentialsFrom(Map.of("YC_IAM_TOKEN", " t1.iam ", "YC_TOKEN", "y0"), IAM_URL)
            .authorizationHeader());
    assertEquals(
        "YandexIamCredentials[OAuth token, iamUrl=" + IAM_URL + "]",
        RULES.credentialsFrom(Map.of("YC_TOKEN", "y0_oauth"), IAM_URL).toString());
    assertEquals(
        "No yandex credentials: set YC_IAM_TOKEN, YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE",
        assertThrows(UnauthorizedException.class, () -> RULES.credentialsFrom(Map.of(), IAM_URL))
            .getMessage());
    assertEquals(
        "Unusable yandex credentials: YC_SERVICE_ACCOUNT_KEY_FILE=bad\0path is not a valid path",
        assertThrows(
                UnauthorizedException.class,
                () ->
                    RULES.credentialsFrom(
                        Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", "bad\0path"), IAM_URL))
            .getMessage());
  }
}
