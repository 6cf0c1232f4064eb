package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each vendor's connector name rules, checked before anything is sent. */
class ConnectorNamesTest {
  private static InvalidRequestException refused(Vendor vendor, String name) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> ConnectorNames.check(vendor, name));
    assertEquals(ErrorKind.REFUSED_BEFORE_SENDING, e.kind());
    assertEquals(vendor, e.vendor());
    assertEquals(0, e.httpStatus(), "nothing was sent");
    assertEquals(List.of("name"), e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(e.getMessage(), e.violations().get(0).description());
    return e;
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void emptyAndBlankNamesAreRefusedEverywhere(Vendor vendor) {
    for (String name : new String[] {null, "", " ", "\t\n"}) {
      InvalidRequestException e = refused(vendor, name);
      assertEquals("Connector name must not be empty", e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void dotAndDotDotAreRefusedEverywhere(Vendor vendor) {
    for (String name : List.of(".", "..")) {
      InvalidRequestException e = refused(vendor, name);
      assertTrue(
          e.getMessage().startsWith("Connector name '" + name + "' cannot be used"),
          e.getMessage());
      assertTrue(e.getMessage().contains("'.' and '..'"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void namesMerelyMadeOfDotsOrStartingWithThemPass(Vendor vendor) {
    for (String name : List.of("...", ".orders", "orders..", "a.b")) {
      assertEquals(name, ConnectorNames.check(vendor, name));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Vendor.class,
      names = {"REDPANDA", "CONFLUENT"})
  void kafkaConnectVendorsAcceptAnyOtherName(Vendor vendor) {
    for (String name :
        List.of(
            "orders-s3-sink",
            "orders/s3",
            "100%",
            "%2F",
            "orders sink",
            " leading space",
            "заказы",
            "注文",
            "emoji-🚀",
            "a?b#c",
            "x".repeat(1000))) {
      assertEquals(name, ConnectorNames.check(vendor, name));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"replicate-orders", "A_b.9", "-", "_", "a..b", "0123456789"})
  void yandexAcceptsLettersDigitsDashUnderscoreAndDot(String name) {
    assertEquals(name, ConnectorNames.check(Vendor.YANDEX, name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders/s3", "100%", "orders sink", "заказы", "a+b", "a:b", "a@b", "é"})
  void yandexRefusesOtherCharactersNamingTheConnectorAndTheRule(String name) {
    InvalidRequestException e = refused(Vendor.YANDEX, name);
    assertEquals(
        "Connector name '"
            + name
            + "' is not allowed by yandex: use only letters, digits, '-', '_' and "
            + "'.' ([-_.a-zA-Z0-9], at most 256)",
        e.getMessage());
  }

  @Test
  void yandexAllowsAtMost256Characters() {
    String longest = "a".repeat(256);
    assertEquals(longest, ConnectorNames.check(Vendor.YANDEX, longest));

    String tooLong = "b".repeat(257);
    InvalidRequestException e = refused(Vendor.YANDEX, tooLong);
    assertEquals(
        "Connector name '"
            + "b".repeat(37)
            + "...' is 257 characters long; yandex allows at most 256",
        e.getMessage(),
        "a long name is shortened in the message");
  }

  @Test
  void theLengthRuleIsReportedEvenWhenTheCharactersAreAlsoWrong() {
    InvalidRequestException e = refused(Vendor.YANDEX, "/".repeat(300));
    assertTrue(e.getMessage().contains("300 characters long"), e.getMessage());
  }
}
