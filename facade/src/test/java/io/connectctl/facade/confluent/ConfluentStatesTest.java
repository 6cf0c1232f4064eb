package io.connectctl.facade.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectctl.facade.ConnectorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping table documented on {@link ConfluentStates}, row by row. */
class ConfluentStatesTest {
  @ParameterizedTest(name = "connector {0} -> {1}")
  @CsvSource({
    "NONE, UNKNOWN",
    "PROVISIONING, PROVISIONING",
    "RUNNING, RUNNING",
    "DEGRADED, DEGRADED",
    "FAILED, FAILED",
    "PAUSED, PAUSED",
    "DELETED, DELETED",
    "RESTARTING, RESTARTING",
    "HIBERNATING, UNKNOWN",
    "STOPPED, UNKNOWN",
    "running, RUNNING",
    "' PAUSED ', PAUSED",
  })
  void connectorStates(String confluent, ConnectorState expected) {
    assertEquals(expected, ConfluentStates.connector(confluent));
  }

  @ParameterizedTest(name = "task {0} -> {1}")
  @CsvSource({
    "RUNNING, RUNNING",
    "PAUSED, PAUSED",
    "FAILED, FAILED",
    "UNASSIGNED, UNASSIGNED",
    "RESTARTING, RESTARTING",
    "STOPPED, STOPPED",
    "SYSTEM_ERROR, FAILED",
    "USER_ACTIONABLE_ERROR, FAILED",
    "PROVISIONING, UNKNOWN",
    "SOMETHING_NEW, UNKNOWN",
    "user_actionable_error, FAILED",
  })
  void taskStates(String confluent, ConnectorState expected) {
    assertEquals(expected, ConfluentStates.task(confluent));
  }

  @Test
  void absentOrEmptyStatesAreUnknown() {
    assertEquals(ConnectorState.UNKNOWN, ConfluentStates.connector(null));
    assertEquals(ConnectorState.UNKNOWN, ConfluentStates.connector(""));
    assertEquals(ConnectorState.UNKNOWN, ConfluentStates.task(null));
    assertEquals(ConnectorState.UNKNOWN, ConfluentStates.task(" "));
  }
}
