package io.connectctl.facade.kafkaconnect;

import static io.connectctl.facade.ConnectorState.DEGRADED;
import static io.connectctl.facade.ConnectorState.FAILED;
import static io.connectctl.facade.ConnectorState.PAUSED;
import static io.connectctl.facade.ConnectorState.RESTARTING;
import static io.connectctl.facade.ConnectorState.RUNNING;
import static io.connectctl.facade.ConnectorState.STOPPED;
import static io.connectctl.facade.ConnectorState.UNASSIGNED;
import static io.connectctl.facade.ConnectorState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.client.kafkaconnect.model.ConnectorInstanceState;
import io.connectctl.client.kafkaconnect.model.TaskState;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The normalization table of {@link KafkaConnectStates}, row by row. */
class KafkaConnectStatesTest {
  /** Every state string a worker sends, plus spellings and values it does not (yet) send. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "RUNNING, RUNNING",
    "PAUSED, PAUSED",
    "STOPPED, STOPPED",
    "FAILED, FAILED",
    "RESTARTING, RESTARTING",
    "UNASSIGNED, UNASSIGNED",
    "running, RUNNING",
    "' Paused ', PAUSED",
    "DESTROYED, UNKNOWN",
    "DEGRADED, UNKNOWN",
    "SOMETHING_NEW, UNKNOWN",
    "'', UNKNOWN"
  })
  void plainStates(String raw, ConnectorState expected) {
    assertEquals(expected, KafkaConnectStates.plain(raw));
  }

  @Test
  void absentStateIsUnknown() {
    assertEquals(UNKNOWN, KafkaConnectStates.plain(null));
    assertEquals(UNKNOWN, KafkaConnectStates.connector(null, List.of()));
    assertEquals(UNKNOWN, KafkaConnectStates.connector(null, List.of("FAILED")));
  }

  static Stream<Arguments> connectorLevel() {
    List<String> none = List.of();
    return Stream.of(
        // RUNNING instance: the tasks decide
        Arguments.of("RUNNING", none, RUNNING),
        Arguments.of("RUNNING", List.of("RUNNING"), RUNNING),
        Arguments.of("RUNNING", List.of("RUNNING", "PAUSED", "UNASSIGNED"), RUNNING),
        Arguments.of("RUNNING", List.of("RESTARTING", "SOMETHING_NEW"), RUNNING),
        Arguments.of("RUNNING", List.of("FAILED"), FAILED),
        Arguments.of("RUNNING", List.of("FAILED", "failed"), FAILED),
        Arguments.of("RUNNING", List.of("RUNNING", "FAILED"), DEGRADED),
        Arguments.of("RUNNING", List.of("FAILED", "UNASSIGNED", "RUNNING"), DEGRADED),
        Arguments.of("running", List.of("FAILED", "RUNNING"), DEGRADED),
        // any other instance state is kept whatever the tasks say
        Arguments.of("PAUSED", none, PAUSED),
        Arguments.of("PAUSED", List.of("FAILED"), PAUSED),
        Arguments.of("STOPPED", none, STOPPED),
        Arguments.of("STOPPED", List.of("FAILED", "FAILED"), STOPPED),
        Arguments.of("FAILED", none, FAILED),
        Arguments.of("FAILED", List.of("RUNNING"), FAILED),
        Arguments.of("RESTARTING", List.of("FAILED"), RESTARTING),
        Arguments.of("UNASSIGNED", List.of("RUNNING"), UNASSIGNED),
        Arguments.of("SOMETHING_NEW", List.of("RUNNING"), UNKNOWN),
        Arguments.of("SOMETHING_NEW", List.of("FAILED"), UNKNOWN),
        Arguments.of("", none, UNKNOWN));
  }

  @ParameterizedTest(name = "{0} + tasks {1} -> {2}")
  @MethodSource("connectorLevel")
  void connectorStateTakesTheTasksIntoAccount(
      String connector, List<String> tasks, ConnectorState expected) {
    assertEquals(expected, KafkaConnectStates.connector(connector, tasks));
  }

  @Test
  void unknownValuesParseAndKeepTheirRawText() {
    var wire =
        new io.connectctl.client.kafkaconnect.model.ConnectorStatus(
            "c",
            new ConnectorInstanceState(
                io.connectctl.client.kafkaconnect.model.ConnectorState.of("WARMING_UP"),
                "w1:8083",
                null,
                null),
            List.of(
                new TaskState(
                    0,
                    io.connectctl.client.kafkaconnect.model.ConnectorState.of("DRAINING"),
                    "w1:8083",
                    null,
                    null),
                new TaskState(
                    1,
                    io.connectctl.client.kafkaconnect.model.ConnectorState.FAILED,
                    "w2:8083",
                    "boom",
                    null)),
            io.connectctl.client.kafkaconnect.model.ConnectorType.of("bridge"));

    ConnectorStatus status = KafkaConnectModels.status(wire);

    assertEquals(UNKNOWN, status.state());
    assertEquals("WARMING_UP", status.vendorState());
    assertEquals(Map.of(), status.vendorDetails());
    assertEquals(ConnectorType.UNKNOWN, status.type());
    assertEquals("w1:8083", status.workerId());
    assertEquals(
        List.of(
            new TaskStatus(0, UNKNOWN, "DRAINING", "w1:8083", ""),
            new TaskStatus(1, FAILED, "FAILED", "w2:8083", "boom")),
        status.tasks());
  }

  @Test
  void aRunningConnectorWithSomeTasksFailedReadsDegraded() {
    var wire =
        new io.connectctl.client.kafkaconnect.model.ConnectorStatus(
            "c",
            new ConnectorInstanceState(
                io.connectctl.client.kafkaconnect.model.ConnectorState.RUNNING,
                "w1:8083",
                null,
                null),
            List.of(
                new TaskState(
                    0,
                    io.connectctl.client.kafkaconnect.model.ConnectorState.RUNNING,
                    "w1:8083",
                    null,
                    null),
                new TaskState(
                    1,
                    io.connectctl.client.kafkaconnect.model.ConnectorState.FAILED,
                    "w1:8083",
                    "boom",
                    null)),
            io.connectctl.client.kafkaconnect.model.ConnectorType.SOURCE);

    ConnectorStatus status = KafkaConnectModels.status(wire);

    assertEquals(DEGRADED, status.state());
    assertEquals("RUNNING", status.vendorState());
    assertEquals(ConnectorType.SOURCE, status.type());
    assertEquals(List.of(RUNNING, FAILED), status.tasks().stream().map(TaskStatus::state).toList());
  }
}
