package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YandexStatesTest {
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "RUNNING, ALIVE, RUNNING",
        "RUNNING, DEAD, DEGRADED",
        "RUNNING, HEALTH_UNKNOWN, RUNNING",
        "RUNNING, null, RUNNING",
        "RUNNING, SOMETHING_NEW, RUNNING",
        "PAUSED, ALIVE, PAUSED",
        "PAUSED, DEAD, PAUSED",
        "ERROR, DEAD, FAILED",
        "ERROR, ALIVE, FAILED",
        "ERROR, null, FAILED",
        "STATUS_UNKNOWN, ALIVE, UNKNOWN",
        "STATUS_UNKNOWN, null, UNKNOWN",
        "null, ALIVE, UNKNOWN",
        "null, null, UNKNOWN",
        "STARTING, ALIVE, UNKNOWN",
      })
  void normalizes(String status, String health, ConnectorState expected) {
    assertEquals(expected, YandexStates.normalize(status, health));
  }

  @Test
  void keepsRawValues() {
    ConnectorStatus status =
        YandexStates.status(YandexFixtures.connector(YandexFixtures.ICEBERG_SINK));

    assertEquals(
        new ConnectorStatus(
            "events-to-iceberg",
            ConnectorType.SINK,
            ConnectorState.FAILED,
            "ERROR",
            Map.of("health", "DEAD"),
            "",
            "",
            List.of()),
        status);
  }

  @Test
  void mirrormakerIsASource() {
    ConnectorStatus status =
        YandexStates.status(YandexFixtures.connector(YandexFixtures.MIRRORMAKER));

    assertEquals(ConnectorType.SOURCE, status.type());
    assertEquals(ConnectorState.RUNNING, status.state());
  }

  @Test
  void absentStatusAndHealthAreUnknownWithNoDetails() {
    ConnectorStatus status =
        YandexStates.status(
            YandexFixtures.connector(
                """
        {"name": "n", "clusterId": "c", "connectorConfigS3Sink": {"topics": "t", "s3Connection": {}}}
        """));

    assertEquals(ConnectorState.UNKNOWN, status.state());
    assertEquals("", status.vendorState());
    assertEquals(Map.of(), status.vendorDetails());
  }
}
