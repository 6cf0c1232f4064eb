package io.connectctl.client.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import io.connectctl.client.confluent.model.ConnectorStateValue;
import io.connectctl.client.confluent.model.ConnectorStatus;
import io.connectctl.client.confluent.model.ExpandedConnector;
import io.connectctl.client.runtime.ModelJson;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Confluent models: open states (RESTARTING and beyond), the expanded listing map, required fields.
 */
class ConfluentModelTest {
  private final JsonAdapter<ConnectorStatus> status =
      ModelJson.moshi().adapter(ConnectorStatus.class);

  @Test
  void restartingAndUnknownStatesParse() throws IOException {
    ConnectorStatus restarting =
        status.fromJson(
            """
        {"name":"orders","type":"sink","connector":{"state":"RESTARTING","worker_id":"orders"},"tasks":[]}""");
    assertEquals(ConnectorStateValue.RESTARTING, restarting.connector().state());
    ConnectorStatus future =
        status.fromJson(
            """
        {"name":"orders","type":"sink","connector":{"state":"HIBERNATING","worker_id":"orders"},
         "tasks":[{"id":0,"state":"SYSTEM_ERROR","worker_id":"orders","msg":"disk full"}]}""");
    assertEquals("HIBERNATING", future.connector().state().value());
    assertFalse(future.connector().state().isKnown());
    assertEquals("SYSTEM_ERROR", future.tasks().get(0).state());
  }

  @Test
  void expandedListingDecodesAsAMapOfConnectors() throws IOException {
    JsonAdapter<Map<String, ExpandedConnector>> adapter =
        ModelJson.moshi()
            .adapter(Types.newParameterizedType(Map.class, String.class, ExpandedConnector.class));
    Map<String, ExpandedConnector> listing =
        adapter.fromJson(
            """
        {"orders":{"id":{"id":"lcc-abc123","id_type":"ID"},
          "info":{"name":"orders","type":"sink","config":{"connector.class":"S3_SINK","kafka.api.secret":"****"}},
          "status":{"name":"orders","type":"sink","connector":{"state":"RUNNING","worker_id":"orders"},"tasks":[]}}}""");
    assertEquals("S3_SINK", listing.get("orders").info().config().get("connector.class"));
    assertEquals(ConnectorStateValue.RUNNING, listing.get("orders").status().connector().state());
  }

  @Test
  void missingRequiredFieldIsAnErrorNamingModelAndField() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> status.fromJson("{\"name\":\"orders\",\"type\":\"sink\",\"tasks\":[]}"));
    assertTrue(e.getMessage().contains("ConnectorStatus.connector"), e.getMessage());
  }
}
