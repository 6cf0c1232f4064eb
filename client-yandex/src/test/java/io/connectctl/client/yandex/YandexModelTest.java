package io.connectctl.client.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.connectctl.client.runtime.MissingRequiredFieldException;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.yandex.model.ClusterConnection;
import io.connectctl.client.yandex.model.Connector;
import io.connectctl.client.yandex.model.ConnectorConfigMirrorMaker;
import io.connectctl.client.yandex.model.ConnectorHealth;
import io.connectctl.client.yandex.model.ConnectorSpec;
import io.connectctl.client.yandex.model.ConnectorStatus;
import io.connectctl.client.yandex.model.ExternalClusterConnection;
import io.connectctl.client.yandex.model.ExternalClusterConnectionSpec;
import io.connectctl.client.yandex.model.MirrormakerConnector;
import io.connectctl.client.yandex.model.MirrormakerConnectorSpec;
import io.connectctl.client.yandex.model.Operation;
import io.connectctl.client.yandex.model.S3SinkConnector;
import io.connectctl.client.yandex.model.ThisClusterConnection;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generated Yandex models promise beyond plain parsing: open enums, oneOf, int64 strings,
 * required fields.
 */
class YandexModelTest {
  private final JsonAdapter<Connector> connectors = ModelJson.moshi().adapter(Connector.class);

  @Test
  void unknownEnumValueParsesAndKeepsItsText() throws IOException {
    Connector c =
        connectors.fromJson(
            """
        {"name":"a","clusterId":"c1","status":"STATUS_DEGRADED","health":"ALIVE",
         "connectorConfigS3Sink":{"topics":"t","s3Connection":{"bucketName":"b","externalS3":{"endpoint":"e"}}}}""");
    S3SinkConnector s3 = assertInstanceOf(S3SinkConnector.class, c);
    assertEquals("STATUS_DEGRADED", s3.status().value());
    assertFalse(s3.status().isKnown());
    assertTrue(s3.health().isKnown());
    assertEquals(ConnectorHealth.ALIVE, s3.health());
    assertTrue(connectors.toJson(c).contains("\"status\":\"STATUS_DEGRADED\""));
  }

  @Test
  void oneOfReadsEachVariantByItsRequiredProperty() throws IOException {
    Connector mm =
        connectors.fromJson(
            """
        {"name":"m","clusterId":"c1","tasksMax":"3","connectorConfigMirrormaker":{"topics":"orders.*","replicationFactor":"2",
         "sourceCluster":{"alias":"src","externalCluster":{"bootstrapServers":"h:9091"}},
         "targetCluster":{"alias":"dst","thisCluster":{}}}}""");
    MirrormakerConnector m = assertInstanceOf(MirrormakerConnector.class, mm);
    assertEquals(3L, m.tasksMax());
    assertEquals(2L, m.connectorConfigMirrormaker().replicationFactor());
    assertInstanceOf(
        ExternalClusterConnection.class, m.connectorConfigMirrormaker().sourceCluster());
    assertInstanceOf(ThisClusterConnection.class, m.connectorConfigMirrormaker().targetCluster());
    assertEquals(ConnectorStatus.class, ConnectorStatus.RUNNING.getClass());
  }

  @Test
  void oneOfWritesTheJsonTheServerExpects() {
    ConnectorConfigMirrorMaker config =
        new ConnectorConfigMirrorMaker(
            new ExternalClusterConnection(
                "src",
                new ExternalClusterConnectionSpec(
                    "h:9091", "user", "s3cret", "SCRAM-SHA-512", "SASL_SSL", null)),
            new ThisClusterConnection("dst", Map.of()),
            "orders.*",
            3L);
    ConnectorSpec spec = new MirrormakerConnectorSpec("m", 2L, Map.of(), config);
    String json = ModelJson.moshi().adapter(ConnectorSpec.class).toJson(spec);
    assertEquals(
        "{\"name\":\"m\",\"tasksMax\":\"2\",\"properties\":{},\"connectorConfigMirrormaker\":{"
            + "\"sourceCluster\":{\"alias\":\"src\",\"externalCluster\":{\"bootstrapServers\":\"h:9091\",\"saslUsername\":\"user\","
            + "\"saslPassword\":\"s3cret\",\"saslMechanism\":\"SCRAM-SHA-512\",\"securityProtocol\":\"SASL_SSL\"}},"
            + "\"targetCluster\":{\"alias\":\"dst\",\"thisCluster\":{}},\"topics\":\"orders.*\",\"replicationFactor\":\"3\"}}",
        json);
  }

  @Test
  void oneOfWithNoMatchingVariantIsTheUnknownCaseAndSeveralIsAnErrorNamingThem()
      throws IOException {
    Connector none = connectors.fromJson("{\"name\":\"x\",\"clusterId\":\"c\"}");
    assertEquals(Map.of("name", "x", "clusterId", "c"), ((Connector.Unknown) none).json());
    JsonDataException both =
        assertThrows(
            JsonDataException.class,
            () ->
                ModelJson.moshi()
                    .adapter(ClusterConnection.class)
                    .fromJson("{\"alias\":\"a\",\"thisCluster\":{},\"externalCluster\":{}}"));
    assertTrue(
        both.getMessage().contains("ThisClusterConnection")
            && both.getMessage().contains("ExternalClusterConnection"),
        both.getMessage());
  }

  @Test
  void operationWithOnlyItsIdReadsWithProtoDefaults() throws IOException {
    Operation op = ModelJson.moshi().adapter(Operation.class).fromJson("{\"id\":\"op1\"}");
    assertEquals("op1", op.id());
    assertEquals(Boolean.FALSE, op.done(), "a missing done is false, its proto3 default");
    assertEquals(null, op.description());
    assertEquals(Map.of(), op.response());
  }

  @Test
  void missingRequiredFieldNamesModelAndField() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () ->
                ModelJson.moshi()
                    .adapter(Operation.class)
                    .fromJson(
                        "{\"description\":\"d\",\"createdAt\":\"2025-01-01T00:00:00Z\",\"createdBy\":\"u\",\"done\":true,"
                            + "\"modifiedAt\":\"2025-01-01T00:00:00Z\",\"metadata\":{\"@type\":\"m\",\"clusterId\":\"c\"}}"));
    assertTrue(e.getMessage().contains("Operation.id"), e.getMessage());
    MissingRequiredFieldException direct =
        assertThrows(
            MissingRequiredFieldException.class,
            () -> new MirrormakerConnectorSpec(null, 1L, Map.of(), null));
    assertEquals("MirrormakerConnectorSpec", direct.model());
    assertEquals("name", direct.field());
  }

  @Test
  void int64AcceptsNumbersButRejectsText() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () ->
                connectors.fromJson(
                    "{\"name\":\"m\",\"clusterId\":\"c\",\"tasksMax\":\"three\",\"connectorConfigMirrormaker\":{}}"));
    assertTrue(e.getMessage().contains("int64"), e.getMessage());
  }
}
