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
  void modelsAreReadByTheAdaptersGeneratedWithThemNotByReflection() throws IOException {
    assertTrue(
        adapter.toString().contains("GeneratedJsonAdapter(ConnectorStatusResponse)"),
        adapter.toString());
    assertTrue(
        ModelJson.moshi()
            .adapter(io.connectctl.client.redpanda.model.TaskStatus.class)
            .toString()
            .contains("GeneratedJsonAdapter(TaskStatus)"));
    // unknown properties, nested unknown objects and repeated keys (the last wins), as Moshi reads
    ConnectorStatusResponse response =
        adapter.fromJson(
            """
        {"extra":{"deep":[1,{"x":null}]},"status":{"name":"first","name":"orders","added":true,
         "connector":{"state":"RUNNING","worker_id":null},"tasks":[],
         "holistic_state":"CONNECTOR_HOLISTIC_STATE_HEALTHY"}}""");
    assertEquals("orders", response.status().name());
    assertEquals(null, response.status().connector().workerId());
    // nulls are left out when written, as Moshi's own record adapter does
    assertFalse(adapter.toJson(response).contains("null"), adapter.toJson(response));
    assertEquals(null, adapter.fromJson("null"));
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
