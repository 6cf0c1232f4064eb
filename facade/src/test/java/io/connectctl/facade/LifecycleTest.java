package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.testing.EveryVendor;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link ConnectorClient#close()} means: a closed client sends nothing more. */
class LifecycleTest {
  @ParameterizedTest
  @MethodSource("io.connectctl.facade.testing.EveryVendor#vendors")
  void aClosedClientRefusesEveryRequestBeforeSending(Vendor vendor) {
    ConnectorClient client = EveryVendor.offlineClient(vendor);
    client.close();
    client.close(); // twice is fine

    // The client points at an unresolvable host: anything sent would be a NetworkException.
    IllegalStateException status =
        assertThrows(IllegalStateException.class, () -> client.status("orders"));
    assertTrue(status.getMessage().contains("client is closed"), status.getMessage());
    assertThrows(IllegalStateException.class, () -> client.listConnectors().iterator().hasNext());
    assertThrows(IllegalStateException.class, () -> client.pause("orders"));
    // what needs no request still answers
    assertEquals(vendor, client.vendor());
  }

  @Test
  void aPendingChangeOfAClosedClientIsNotAwaited() throws Exception {
    try (MockWebServer worker = new MockWebServer()) {
      worker.enqueue(new MockResponse().setResponseCode(202));
      worker.start();
      PendingChange pause;
      try (KafkaConnectConnectorClient client =
          KafkaConnectConnectorClient.builder()
              .url(worker.url("/").toString())
              .credentials(StaticCredentials.none())
              .build()) {
        pause = client.pause("orders");
      }

      assertThrows(IllegalStateException.class, () -> pause.await(Duration.ofSeconds(5)));
      assertEquals(1, worker.getRequestCount(), "only the pause itself was sent");
    }
  }
}
