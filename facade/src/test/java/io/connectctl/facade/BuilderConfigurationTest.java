package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mistakes caught by {@code build()} are configuration errors naming the setting, never API
 * failures.
 */
class BuilderConfigurationTest {
  private static final StaticCredentials BASIC = StaticCredentials.basic("KEY1", "secret-value-1");
  private static final StaticCredentials BEARER = StaticCredentials.bearer("token-1");

  @Test
  void redpandaRefusesBasicCredentials() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                RedpandaConnectorClient.builder()
                    .baseUrl("https://api.example.com")
                    .credentials(BASIC)
                    .build());
    assertEquals(ErrorKind.CONFIGURATION, e.kind());
    assertEquals("credentials", e.setting());
    assertTrue(e.getMessage().contains("redpanda does not accept HTTP Basic"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-value-1"));
  }

  @Test
  void yandexRefusesBasicCredentials() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> YandexConnectorClient.builder().clusterId("c9q1").credentials(BASIC).build());
    assertEquals("credentials", e.setting());
  }

  @Test
  void tokensAndConfluentBasicAreAccepted() {
    assertDoesNotThrow(
        () ->
            RedpandaConnectorClient.builder()
                .baseUrl("https://api.example.com")
                .credentials(BEARER)
                .build()
                .close());
    assertDoesNotThrow(
        () ->
            ConfluentConnectorClient.builder()
                .environment("env-1")
                .kafkaCluster("lkc-1")
                .credentials(BASIC)
                .build()
                .close());
  }

  @Test
  void missingAndInsecureSettingsAreConfigurationErrors() {
    ConfigurationException missing =
        assertThrows(
            ConfigurationException.class,
            () ->
                ConfluentConnectorClient.builder()
                    .kafkaCluster("lkc-1")
                    .credentials(BASIC)
                    .build());
    assertEquals("environment", missing.setting());
    ConfigurationException plainHttp =
        assertThrows(
            ConfigurationException.class,
            () ->
                RedpandaConnectorClient.builder()
                    .baseUrl("http://api.example.com")
                    .credentials(BEARER)
                    .build());
    assertEquals("baseUrl", plainHttp.setting());
    assertEquals(ErrorKind.CONFIGURATION, plainHttp.kind());
    ConfigurationException cluster =
        assertThrows(
            ConfigurationException.class,
            () -> YandexConnectorClient.builder().credentials(BEARER).build());
    assertEquals("clusterId", cluster.setting());
  }

  @Test
  void aProxyVariableThatIsNotAUrlIsAConfigurationErrorWithoutItsValue() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                RedpandaConnectorClient.builder()
                    .baseUrl("https://api.example.com")
                    .credentials(BEARER)
                    .proxyEnvironment(Map.of("HTTPS_PROXY", "http://user:pa ss@[bad"))
                    .build());
    assertEquals("HTTPS_PROXY", e.setting());
    assertFalse(e.getMessage().contains("pa ss"));
  }
}
