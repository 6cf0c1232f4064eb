package io.connectctl.facade.redpanda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.client.redpanda.model.ConnectorInfoStatus;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorType;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields the spec no longer insists on (tolerant reader) reach the neutral model as defaults, not
 * as NPEs.
 */
class RedpandaTolerantModelsTest {
  @Test
  void aListingEntryWithOnlyNameAndStatusState() throws IOException {
    ConnectorInfoStatus entry =
        ModelJson.moshi()
            .adapter(ConnectorInfoStatus.class)
            .fromJson(
                """
        {"name":"orders","status":{"name":"orders","connector":{"state":"RUNNING"},
         "tasks":[{"state":"RUNNING"}],"errors":[{"content":"no type, no title"}]}}""");

    ConnectorListing listing = RedpandaModels.listing(entry);

    assertEquals("orders", listing.connector().name());
    assertEquals(ConnectorType.UNKNOWN, listing.connector().type());
    assertEquals(Map.of(), listing.connector().config());
    assertEquals(ConnectorState.RUNNING, listing.status().state());
    assertEquals(
        0, listing.status().tasks().get(0).id(), "a task id left out is 0, its proto3 default");
    assertEquals("", listing.status().workerId());
    assertTrue(
        listing.status().vendorDetails().get(RedpandaModels.ERRORS).contains("no type, no title"),
        listing.status().vendorDetails().toString());
  }
}
