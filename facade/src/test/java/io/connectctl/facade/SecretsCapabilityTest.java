package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.testing.MockServerTest;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vendors without connector secrets or Connect clusters refuse every such call with "does not
 * support", before any request; and the write-only {@link SecretValues} never shows a value.
 */
class SecretsCapabilityTest extends MockServerTest {
  @BeforeEach
  void start() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
    }
  }

  private List<ConnectorClient> others() {
    String url = server.url("/").toString();
    return List.of(
        ConfluentConnectorClient.builder()
            .baseUrl(url)
            .environment("env-a1b2c3")
            .kafkaCluster("lkc-x9y8z7")
            .credentials(StaticCredentials.basic("KEY", "secret-of-test"))
            .build(),
        YandexConnectorClient.builder()
            .baseUrl(url)
            .operationsUrl(url)
            .clusterId("c9qbkmoiimsl6e7dc3j2")
            .credentials(StaticCredentials.bearer("yandex-test-token"))
            .build());
  }

  @Test
  void otherVendorsDoNotSupportSecretsOrClustersAndSendNothing() {
    SecretValues values = SecretValues.of("database.password", "never-sent-value");
    List<Consumer<ConnectorClient>> calls =
        List.of(
            c -> c.secrets().list(),
            c -> c.secrets().list(SecretFilter.ALL.withNameContains("orders")),
            c -> c.secrets().get("orders-pg-source"),
            c -> c.secrets().create("orders-pg-source", values, Map.of()),
            c -> c.secrets().update("orders-pg-source", values, Map.of()),
            c -> c.secrets().delete("orders-pg-source"),
            c -> c.clusters().list(),
            c -> c.clusters().get("redpanda"));
    for (ConnectorClient client : others()) {
      try (client) {
        assertFalse(client.capabilities().supports(Capability.SECRETS));
        assertFalse(client.capabilities().supports(Capability.CLUSTERS));
        assertTrue(client.capabilities().unsupported().contains(Capability.SECRETS));
        for (Consumer<ConnectorClient> call : calls) {
          UnsupportedCapabilityException e =
              assertThrows(UnsupportedCapabilityException.class, () -> call.accept(client));
          assertTrue(
              e.getMessage().startsWith(client.vendor().id() + " does not support "),
              e.getMessage());
          assertEquals(ErrorKind.UNSUPPORTED, e.kind());
          assertFalse(e.getMessage().contains("never-sent-value"));
        }
      }
    }
    assertEquals(0, server.getRequestCount(), "no request may be sent");
  }

  @Test
  void secretValuesNeverShowAValue() {
    SecretValues values =
        SecretValues.of(Map.of("database.password", "canary-value-9f8e", "user", "dbz-user-77"));
    assertEquals("SecretValues[keys=[database.password, user]]", values.toString());
    assertEquals(List.of("database.password", "user"), List.copyOf(values.keys()));
    assertEquals("canary-value-9f8e", values.reveal("database.password"));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> values.reveal("nope"));
    assertFalse(missing.getMessage().contains("canary"));
    assertEquals(
        values,
        SecretValues.of(Map.of("user", "dbz-user-77", "database.password", "canary-value-9f8e")));
    assertThrows(IllegalArgumentException.class, () -> SecretValues.of(Map.of()));
    assertThrows(IllegalArgumentException.class, () -> SecretValues.of(" ", "x"));
    ConnectorSecret meta = new ConnectorSecret("s", null, null);
    assertEquals(Map.of(), meta.labels());
    assertEquals(List.of(), meta.scopes());
  }
}
