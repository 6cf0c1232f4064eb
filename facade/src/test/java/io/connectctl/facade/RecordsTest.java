package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public records: defensive copies, no nulls, and no secrets in {@code toString()}. */
class RecordsTest {
  private static final List<String> SECRETS =
      List.of(
          "hunter22-db-pass",
          "wJalrXUtnFEMI-K7MDENG",
          "sk-live-0123456789",
          "Zq81-api-secret",
          "jaas-pw-4411");

  /** A config with a secret under every common kind of secret key, beside ordinary settings. */
  private static Map<String, String> configWithSecrets() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    config.put("database.password", SECRETS.get(0));
    config.put("aws.secret.access.key", SECRETS.get(1));
    config.put("token", SECRETS.get(2));
    config.put("kafka.api.secret", SECRETS.get(3));
    config.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"svc\" password=\""
            + SECRETS.get(4)
            + "\";");
    config.put("topics", "orders");
    return config;
  }

  private static void assertNoSecret(String text) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), () -> "'" + secret + "' leaked in " + text);
    }
    assertTrue(text.contains("orders"), text);
    assertTrue(text.contains(Redaction.REDACTED), text);
  }

  @Test
  void connectorToStringHidesSecretValuesAndTheVendorModel() {
    Object vendorModel =
        new Object() {
          @Override
          public String toString() {
            return "VendorModel[password=" + SECRETS.get(0) + "]";
          }
        };
    Connector connector =
        new Connector("orders-pg-source", ConnectorType.SOURCE, configWithSecrets(), vendorModel);

    String text = connector.toString();

    assertNoSecret(text);
    assertTrue(text.startsWith("Connector[name=orders-pg-source, type=SOURCE, config={"), text);
    assertTrue(
        text.contains("connector.class=io.debezium.connector.postgresql.PostgresConnector"), text);
    assertEquals(
        SECRETS.get(0),
        connector.config().get("database.password"),
        "only the text hides the value");
  }

  @Test
  void connectorDefinitionToStringHidesSecretValues() {
    ConnectorDefinition definition =
        new ConnectorDefinition("orders-pg-source", configWithSecrets());
    String text = definition.toString();
    assertNoSecret(text);
    assertTrue(text.startsWith("ConnectorDefinition[name=orders-pg-source, config={"), text);
  }

  @Test
  void taskConfigToStringHidesSecretValues() {
    TaskConfig task = new TaskConfig(3, configWithSecrets());
    String text = task.toString();
    assertNoSecret(text);
    assertTrue(text.startsWith("TaskConfig[id=3, config={"), text);
  }

  @Test
  void connectorListingToStringHidesSecretValuesThroughItsConnector() {
    ConnectorListing listing =
        new ConnectorListing(
            new Connector("orders-pg-source", ConnectorType.SOURCE, configWithSecrets(), null),
            new ConnectorStatus(
                "orders-pg-source",
                ConnectorType.SOURCE,
                ConnectorState.RUNNING,
                "RUNNING",
                null,
                null,
                null,
                null));
    assertNoSecret(listing.toString());
  }

  @Test
  void configsAreCopiedAndCannotBeChanged() {
    Map<String, String> config = configWithSecrets();
    Connector connector = new Connector("c", null, config, null);
    ConnectorDefinition definition = new ConnectorDefinition("c", config);
    TaskConfig task = new TaskConfig(0, config);
    config.put("topics", "changed");

    for (Map<String, String> copy :
        List.of(connector.config(), definition.config(), task.config())) {
      assertEquals("orders", copy.get("topics"));
      assertEquals(
          List.copyOf(configWithSecrets().keySet()), List.copyOf(copy.keySet()), "order is kept");
      assertThrows(UnsupportedOperationException.class, () -> copy.put("x", "y"));
    }
    assertEquals(ConnectorType.UNKNOWN, connector.type());
    assertEquals(Map.of(), new Connector("c", null, null, null).config());
    assertThrows(NullPointerException.class, () -> new Connector(null, null, Map.of(), null));
    assertThrows(NullPointerException.class, () -> new ConnectorDefinition(null, Map.of()));
  }

  @Test
  void connectorStatusCopiesAreImmutable() {
    Map<String, String> details =
        new HashMap<>(Map.of("holistic_state", "CONNECTOR_HOLISTIC_STATE_HEALTHY"));
    List<TaskStatus> tasks =
        new ArrayList<>(List.of(new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "w1", "")));
    ConnectorStatus status =
        new ConnectorStatus(
            "c", ConnectorType.SINK, ConnectorState.RUNNING, "RUNNING", details, "w1", "", tasks);

    details.put("holistic_state", "changed");
    tasks.add(new TaskStatus(1, ConnectorState.FAILED, "FAILED", "w2", "trace"));

    assertEquals(
        Map.of("holistic_state", "CONNECTOR_HOLISTIC_STATE_HEALTHY"), status.vendorDetails());
    assertEquals(1, status.tasks().size());
    assertThrows(UnsupportedOperationException.class, () -> status.vendorDetails().put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> status.tasks().clear());
  }

  @Test
  void connectorStatusReplacesAbsentValuesWithEmptyOnes() {
    ConnectorStatus status =
        new ConnectorStatus("c", null, ConnectorState.UNKNOWN, null, null, null, null, null);

    assertEquals(ConnectorType.UNKNOWN, status.type());
    assertEquals("", status.vendorState());
    assertEquals(Map.of(), status.vendorDetails());
    assertEquals("", status.workerId());
    assertEquals("", status.trace());
    assertEquals(List.of(), status.tasks());
    assertEquals("", status.firstTrace());
    assertThrows(
        NullPointerException.class,
        () -> new ConnectorStatus("c", null, null, null, null, null, null, null),
        "the state is required");
    TaskStatus task = new TaskStatus(0, ConnectorState.RUNNING, null, null, null);
    assertEquals(List.of("", "", ""), List.of(task.vendorState(), task.workerId(), task.trace()));
  }

  @Test
  void firstTracePrefersTheConnectorsOwnAndCountsTasksByState() {
    List<TaskStatus> tasks =
        List.of(
            new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "w1", ""),
            new TaskStatus(1, ConnectorState.FAILED, "FAILED", "w2", "task 1 trace"),
            new TaskStatus(2, ConnectorState.FAILED, "FAILED", "w2", "task 2 trace"));

    ConnectorStatus withOwn =
        new ConnectorStatus("c", null, ConnectorState.FAILED, "", null, null, "own", tasks);
    ConnectorStatus withoutOwn =
        new ConnectorStatus("c", null, ConnectorState.DEGRADED, "", null, null, "", tasks);

    assertEquals("own", withOwn.firstTrace());
    assertEquals("task 1 trace", withoutOwn.firstTrace());
    assertEquals(2, withoutOwn.tasksIn(ConnectorState.FAILED));
    assertEquals(1, withoutOwn.tasksIn(ConnectorState.RUNNING));
    assertEquals(0, withoutOwn.tasksIn(ConnectorState.PAUSED));
  }

  @Test
  void offsetsAreCopied() {
    Map<String, Object> partition = new HashMap<>(Map.of("server", "pg"));
    List<ConnectorOffsets.PartitionOffset> list =
        new ArrayList<>(
            List.of(new ConnectorOffsets.PartitionOffset(partition, Map.of("lsn", 42))));
    ConnectorOffsets offsets = new ConnectorOffsets("c", list, null);
    partition.put("server", "changed");
    list.clear();

    assertEquals(1, offsets.offsets().size());
    assertEquals(Map.of("server", "pg"), offsets.offsets().get(0).partition());
    assertEquals("", offsets.observedAt());
    assertThrows(UnsupportedOperationException.class, () -> offsets.offsets().clear());
  }

  @Test
  void capabilitiesAreCopiedAndTellWhatIsMissing() {
    Set<Capability> supported = new java.util.HashSet<>(Set.of(Capability.LIST, Capability.GET));
    Capabilities capabilities = new Capabilities(Vendor.YANDEX, supported);
    supported.add(Capability.DELETE);

    assertFalse(capabilities.supports(Capability.DELETE));
    assertTrue(capabilities.supports(Capability.GET));
    assertEquals(Capability.values().length - 2, capabilities.unsupported().size());
    capabilities.require(Capability.LIST);
    UnsupportedCapabilityException e =
        assertThrows(
            UnsupportedCapabilityException.class,
            () -> capabilities.require(Capability.UPDATE_CONFIG));
    assertEquals("yandex does not support changing a connector's config", e.getMessage());
    assertEquals(Capability.UPDATE_CONFIG, e.capability());
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
  }

  @Test
  void changeResultsAndBulkItemsReplaceNulls() {
    ChangeResult result = new ChangeResult("c", null, null, 3);
    assertEquals("", result.operationId());
    assertTrue(result.status().isEmpty());

    BulkResult.Item<String> item = new BulkResult.Item<>("c", null, null);
    assertTrue(item.value().isEmpty());
    assertTrue(item.error().isEmpty());
    List<BulkResult.Item<String>> items = new ArrayList<>(List.of(item));
    BulkResult<String> bulk = new BulkResult<>(items);
    items.clear();
    assertEquals(1, bulk.items().size());
    assertThrows(UnsupportedOperationException.class, () -> bulk.items().clear());
  }
}
