package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorNames;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.RequestRefusedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names a Kafka Connect worker creates but cannot address afterwards are refused before
 * sending, naming the connector and the character; the names it serves pass ({@code
 * KafkaConnectRealWorkerChecksTest} shows both on a real worker).
 */
class KafkaConnectNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b      | '/' (a slash)",
        "a\\b     | '\\' (a backslash)",
        "100%     | '%' (a percent sign)",
        "a%2Fb    | '%' (a percent sign)",
        "a{b}     | '{'",
        "x}       | '}'",
        "' lead'  | starts with a space",
        "'trail ' | ends with a space",
      })
  void unaddressableNamesAreRefusedNamingTheCharacter(String name, String what) {
    RequestRefusedException e =
        assertThrows(
            RequestRefusedException.class, () -> ConnectorNames.check(Vendor.KAFKA_CONNECT, name));
    assertTrue(e.getMessage().contains("Connector name '" + name + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(what), e.getMessage());
    assertEquals("name", e.violations().get(0).field());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "orders-sink",
        "a;b",
        "a?b",
        "a#b",
        "a b",
        "..x",
        "a..b",
        "...",
        "a+b:c@d&e=f,g",
        "a[b]|c^d`e",
        "заказы",
        "emoji-🚀",
        "a\u00a0b",
        "\u00a0lead"
      })
  void namesTheWorkerServesPass(String name) {
    assertEquals(name, ConnectorNames.check(Vendor.KAFKA_CONNECT, name));
  }
}
