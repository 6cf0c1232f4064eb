package io.connectctl.facade.redpanda;

import static io.connectctl.facade.ConnectorState.DEGRADED;
import static io.connectctl.facade.ConnectorState.DELETED;
import static io.connectctl.facade.ConnectorState.FAILED;
import static io.connectctl.facade.ConnectorState.PAUSED;
import static io.connectctl.facade.ConnectorState.RESTARTING;
import static io.connectctl.facade.ConnectorState.RUNNING;
import static io.connectctl.facade.ConnectorState.STOPPED;
import static io.connectctl.facade.ConnectorState.UNASSIGNED;
import static io.connectctl.facade.ConnectorState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.client.redpanda.model.ConnectorError;
import io.connectctl.client.redpanda.model.ConnectorErrorType;
import io.connectctl.client.redpanda.model.ConnectorHolisticState;
import io.connectctl.client.redpanda.model.ConnectorType;
import io.connectctl.client.redpanda.model.KafkaConnectState;
import io.connectctl.client.redpanda.model.TaskStatus;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The normalization table of {@link RedpandaStates}, row by row. */
class RedpandaStatesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "RUNNING, RUNNING", "PAUSED, PAUSED", "STOPPED, STOPPED", "FAILED, FAILED",
        "RESTARTING, RESTARTING",
    "UNASSIGNED, UNASSIGNED", "running, RUNNING", "DESTROYED, UNKNOWN", "SOMETHING_NEW, UNKNOWN",
        "'', UNKNOWN"
  })
  void kafkaConnectStates(String raw, ConnectorState expected) {
    assertEquals(expected, RedpandaStates.kafkaConnect(raw));
  }

  @Test
  void absentKafkaConnectStateIsUnknown() {
    assertEquals(UNKNOWN, RedpandaStates.kafkaConnect(null));
  }

  static Stream<Arguments> holistic() {
    List<String> none = List.of();
    List<String> oneOfTwoFailed = List.of("RUNNING", "FAILED");
    List<String> allFailed = List.of("FAILED", "FAILED");
    return Stream.of(
        Arguments.of("CONNECTOR_HOLISTIC_STATE_HEALTHY", "RUNNING", none, RUNNING),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_DEGRADED", "RUNNING", oneOfTwoFailed, DEGRADED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNHEALTHY", "FAILED", none, FAILED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNHEALTHY", "RUNNING", allFailed, FAILED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNHEALTHY", "RUNNING", oneOfTwoFailed, DEGRADED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNHEALTHY", "RUNNING", none, DEGRADED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_PAUSED", "PAUSED", none, PAUSED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_STOPPED", "STOPPED", none, STOPPED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_RESTARTING", "RESTARTING", none, RESTARTING),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNASSIGNED", "UNASSIGNED", none, UNASSIGNED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_DESTROYED", "RUNNING", none, DELETED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNKNOWN", "PAUSED", none, PAUSED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNKNOWN", "FAILED", none, FAILED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_UNKNOWN", "NEW_STATE", none, UNKNOWN),
        Arguments.of("", "STOPPED", none, STOPPED),
        Arguments.of(null, "RESTARTING", none, RESTARTING),
        Arguments.of("HEALTHY", "RUNNING", none, RUNNING),
        Arguments.of("connector_holistic_state_paused", "PAUSED", none, PAUSED),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_PROVISIONING", "RUNNING", none, UNKNOWN),
        Arguments.of("CONNECTOR_HOLISTIC_STATE_HEALTHY", "FAILED", none, RUNNING));
  }

  @ParameterizedTest(name = "{0} + {1} + tasks {2} -> {3}")
  @MethodSource("holistic")
  void holisticStateDecides(
      String holistic, String connector, List<String> tasks, ConnectorState expected) {
    assertEquals(expected, RedpandaStates.connector(holistic, connector, tasks));
  }

  @Test
  void unknownValuesParseAndKeepTheirRawText() {
    var wire =
        new io.connectctl.client.redpanda.model.ConnectorStatus(
            "c",
            ConnectorType.of("bridge"),
            new io.connectctl.client.redpanda.model.ConnectorState(
                KafkaConnectState.of("WARMING_UP"), null, null),
            List.of(new TaskStatus(3, KafkaConnectState.of("DRAINING"), null, null)),
            ConnectorHolisticState.of("CONNECTOR_HOLISTIC_STATE_SLEEPY"),
            List.of(new ConnectorError(ConnectorErrorType.of("TYPE_NOTE"), "Title.", "Content.")));

    ConnectorStatus status = RedpandaModels.status(wire);

    assertEquals(UNKNOWN, status.state());
    assertEquals("WARMING_UP", status.vendorState());
    assertEquals(
        Map.of(
            "holistic_state",
            "CONNECTOR_HOLISTIC_STATE_SLEEPY",
            "errors",
            "[TYPE_NOTE] Title. Content."),
        status.vendorDetails());
    assertEquals(io.connectctl.facade.ConnectorType.UNKNOWN, status.type());
    assertEquals("", status.workerId());
    assertEquals("", status.trace());
    assertEquals(
        List.of(new io.connectctl.facade.TaskStatus(3, UNKNOWN, "DRAINING", "", "")),
        status.tasks());
  }
}
