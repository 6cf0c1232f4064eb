package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A base URL whose path repeats the start of the vendor's own request paths is refused by {@code
 * build()}, naming the URL and the one to pass instead; a proxy's path of its own and a trailing
 * slash are fine.
 */
class BaseUrlPathTest {
  private static ConnectorClient build(Vendor vendor, String url) {
    return switch (vendor) {
      case CONFLUENT ->
          ConfluentConnectorClient.builder()
              .baseUrl(url)
              .environment("env-1")
              .kafkaCluster("lkc-1")
              .credentials(StaticCredentials.basic("KEY", "SECRET"))
              .build();
      case REDPANDA ->
          RedpandaConnectorClient.builder()
              .baseUrl(url)
              .credentials(StaticCredentials.bearer("token"))
              .build();
      case YANDEX ->
          YandexConnectorClient.builder()
              .baseUrl(url)
              .clusterId("c9q1")
              .credentials(StaticCredentials.bearer("iam"))
              .build();
      case KAFKA_CONNECT ->
          KafkaConnectConnectorClient.builder()
              .baseUrl(url)
              .credentials(StaticCredentials.none())
              .build();
    };
  }

  @ParameterizedTest
  @CsvSource({
    "CONFLUENT, http://127.0.0.1:18084/connect/v1,                    http://127.0.0.1:18084",
    "CONFLUENT, http://127.0.0.1:18084/connect/v1/,                   http://127.0.0.1:18084",
    "CONFLUENT, http://127.0.0.1:18084/connect,                       http://127.0.0.1:18084",
    "CONFLUENT, https://proxy.example.com/confluent/connect/v1,       https://proxy.example.com/confluent",
    "CONFLUENT, https://api.confluent.cloud/connect/v1/environments/env-1/clusters/lkc-1/connectors, https://api.confluent.cloud",
    "REDPANDA,  https://api.example.com/v1/kafka-connect,             https://api.example.com",
    "REDPANDA,  https://api.example.com/v1,                           https://api.example.com",
    "YANDEX,    https://mdb.api.cloud.yandex.net/managed-kafka/v1/,   https://mdb.api.cloud.yandex.net",
  })
  void aPathRepeatingTheVendorsOwnPrefixIsRefused(Vendor vendor, String url, String instead) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> build(vendor, url));

    assertEquals("baseUrl", e.setting());
    assertTrue(e.getMessage().contains("'" + url + "'"), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("pass the URL without it: '" + instead + "'"), e.getMessage());
    assertTrue(
        e.getMessage().contains(vendor.rules().apiPathPrefix().orElseThrow()), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "CONFLUENT, http://127.0.0.1:18084",
    "CONFLUENT, http://127.0.0.1:18084/",
    "CONFLUENT, https://proxy.example.com/confluent/",
    "REDPANDA,  https://api.example.com/proxy/dataplane",
    "YANDEX,    https://mdb.api.cloud.yandex.net/",
    "KAFKA_CONNECT, http://127.0.0.1:8083/",
    "KAFKA_CONNECT, http://127.0.0.1:8083/kafka-connect/v1",
  })
  void theHostAloneATrailingSlashOrAPathOfItsOwnIsAccepted(Vendor vendor, String url) {
    assertDoesNotThrow(() -> build(vendor, url).close());
  }

  @Test
  void eachVendorsPrefixIsWhereItsGeneratedPathsStart() {
    assertEquals(Optional.of("/connect/v1"), Vendor.CONFLUENT.rules().apiPathPrefix());
    assertEquals(Optional.of("/v1/kafka-connect"), Vendor.REDPANDA.rules().apiPathPrefix());
    assertEquals(Optional.of("/managed-kafka/v1"), Vendor.YANDEX.rules().apiPathPrefix());
    // the worker's paths (/connectors, /connector-plugins, /admin …) sit wherever it is served
    assertEquals(Optional.empty(), Vendor.KAFKA_CONNECT.rules().apiPathPrefix());
  }

  @Test
  void yandexOperationsUrlMustNotRepeatOperations() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                YandexConnectorClient.builder()
                    .clusterId("c9q1")
                    .operationsUrl("https://operation.api.cloud.yandex.net/operations")
                    .credentials(StaticCredentials.bearer("iam"))
                    .build());
    assertEquals("operationsUrl", e.setting());
    assertTrue(e.getMessage().endsWith("'https://operation.api.cloud.yandex.net'"), e.getMessage());
  }

  @Test
  void aPasswordInTheUrlIsNotRepeated() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> build(Vendor.CONFLUENT, "https://user:pa55word@proxy.example.com/connect/v1"));
    assertTrue(!e.getMessage().contains("pa55word"), e.getMessage());
  }
}
