package io.connectctl.facade.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets.PartitionOffset;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.testing.MockServerTest;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Snapshots and restores refuse before sending on a vendor without an offsets API; read-back
 * comparison is by value.
 */
class OffsetSnapshotTest extends MockServerTest {
  private ConnectorClient yandex() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
    }
    return closeAfter(
        YandexConnectorClient.builder()
            .baseUrl(baseUrl())
            .operationsUrl(baseUrl())
            .clusterId("c9qbkmoiimsl6e7dc3j2")
            .credentials(StaticCredentials.bearer("yandex-test-token"))
            .build());
  }

  @Test
  void vendorsWithoutOffsetsRefuseBeforeSending() {
    ConnectorClient client = yandex();
    UnsupportedCapabilityException read =
        assertThrows(
            UnsupportedCapabilityException.class,
            () -> OffsetSnapshot.read(client, "mm", "ctx", Clock.systemUTC()));
    assertTrue(read.getMessage().contains("does not support offsets"), read.getMessage());
    OffsetSnapshot snapshot =
        new OffsetSnapshot(
            "mm",
            "ctx",
            client.vendor(),
            null,
            null,
            Clock.systemUTC().instant(),
            List.of(new PartitionOffset(Map.of("filename", "/x"), Map.of("position", 5))));
    assertThrows(
        UnsupportedCapabilityException.class,
        () -> OffsetRestore.restore(client, snapshot, true, Duration.ofSeconds(1)));
    assertEquals(0, server.getRequestCount(), "no request may be sent");
  }

  @Test
  void readBackComparesByValue() {
    List<PartitionOffset> wanted =
        List.of(new PartitionOffset(Map.of("filename", "/x"), Map.of("position", 5)));
    assertEquals(
        List.of(),
        OffsetRestore.differences(
            wanted,
            List.of(new PartitionOffset(Map.of("filename", "/x"), Map.of("position", 5.0)))));
    assertEquals(
        1,
        OffsetRestore.differences(
                wanted,
                List.of(new PartitionOffset(Map.of("filename", "/x"), Map.of("position", 6))))
            .size());
    assertEquals(1, OffsetRestore.differences(wanted, List.of()).size());
  }
}
