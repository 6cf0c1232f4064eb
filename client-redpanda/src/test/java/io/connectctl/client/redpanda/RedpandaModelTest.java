package io.connectctl.client.redpanda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.connectctl.client.redpanda.model.ConnectorHolisticState;
import io.connectctl.client.redpanda.model.ConnectorStatusResponse;
import io.connectctl.client.redpanda.model.KafkaConnectState;
import io.connectctl.client.runtime.ModelJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Redpanda models: wrapped status, open enums, required fields. */
class RedpandaModelTest {
  private final JsonAdapter<ConnectorStatusResponse> adapter =
      ModelJson.moshi().adapter(ConnectorStatusResponse.class);

  @Test
  void statesTheSpecDoesNotListStillParse() throws IOException {
    ConnectorStatusResponse response =
        adapter.fromJson(
            """
        {"status":{"name":"orders","connector":{"state":"SUSPENDED","worker_id":"w1"},
         "tasks":[{"id":0,"state":"RUNNING","worker_id":"w1"}],"holistic_state":"CONNECTOR_HOLISTIC_STATE_SLEEPY"}}""");
    assertEquals("SUSPENDED", response.status().connector().state().value());
    assertFalse(response.status().connector().state().isKnown());
    assertEquals(KafkaConnectState.RUNNING, response.status().tasks().get(0).state());
    assertFalse(response.status().holisticState().isKnown());
    assertTrue(ConnectorHolisticState.CONNECTOR_HOLISTIC_STATE_HEALTHY.isKnown());
    assertTrue(
        adapter
            .toJson(response)
            .contains("\"holistic_state\":\"CONNECTOR_HOLISTIC_STATE_SLEEPY\""));
  }

  @Test
  void missingRequiredFieldIsAnErrorNamingModelAndField() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () ->
                adapter.fromJson(
                    """
        {"status":{"name":"orders","connector":{"state":"RUNNING"},"tasks":[{"id":0}],
         "holistic_state":"CONNECTOR_HOLISTIC_STATE_HEALTHY"}}"""));
    assertTrue(e.getMessage().contains("TaskStatus.state"), e.getMessage());
    assertTrue(e.getMessage().contains("$.status.tasks[0]"), e.getMessage());
  }

  @Test
  void absentListsReadAsEmptyAndAreImmutable() throws IOException {
    ConnectorStatusResponse response =
        adapter.fromJson(
            """
        {"status":{"name":"orders","connector":{"state":"RUNNING"},"tasks":[],"holistic_state":"CONNECTOR_HOLISTIC_STATE_HEALTHY"}}""");
    assertTrue(response.status().errors().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> response.status().tasks().add(null));
  }
}
