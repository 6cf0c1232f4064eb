package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.client.yandex.model.ConnectorSpec;
import io.connectctl.client.yandex.model.ExternalClusterConnection;
import io.connectctl.client.yandex.model.IcebergSinkConnectorSpec;
import io.connectctl.client.yandex.model.MirrormakerConnectorSpec;
import io.connectctl.client.yandex.model.S3SinkConnectorSpec;
import io.connectctl.client.yandex.model.ThisClusterConnection;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YandexConfigMappingTest {
  @Test
  void flattensMirrormakerToDottedPaths() {
    Map<String, String> flat =
        YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.MIRRORMAKER));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("tasksMax", "3");
    expected.put("properties.sync.topics.config.enabled", "true");
    expected.put("properties.refresh.topics.interval.seconds", "60");
    expected.put("connectorConfigMirrormaker.sourceCluster.alias", "source");
    expected.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers",
        "rc1a.example:9091,rc1b.example:9091");
    expected.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslUsername", "mirror-reader");
    expected.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslMechanism", "SCRAM-SHA-512");
    expected.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.securityProtocol", "SASL_SSL");
    expected.put("connectorConfigMirrormaker.targetCluster.alias", "target");
    expected.put("connectorConfigMirrormaker.targetCluster.thisCluster", "{}");
    expected.put("connectorConfigMirrormaker.topics", "orders.*");
    expected.put("connectorConfigMirrormaker.replicationFactor", "3");
    assertEquals(expected, flat);
  }

  @Test
  void flattensS3SinkWithEnumAndInt64AsText() {
    Map<String, String> flat =
        YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK));

    assertEquals("gzip", flat.get("connectorConfigS3Sink.fileCompressionType"));
    assertEquals("10000", flat.get("connectorConfigS3Sink.fileMaxRecords"));
    assertEquals(
        "storage.yandexcloud.net",
        flat.get("connectorConfigS3Sink.s3Connection.externalS3.endpoint"));
    assertEquals("orders-archive", flat.get("connectorConfigS3Sink.s3Connection.bucketName"));
    assertEquals("jsonl", flat.get("properties.format.output.type"));
    assertFalse(flat.containsKey("name"), "the name is not config");
    assertFalse(flat.containsKey("status"), "status is not config");
    assertFalse(flat.containsKey("health"), "health is not config");
    assertFalse(flat.containsKey("clusterId"), "the cluster id is not config");
  }

  @Test
  void flattensIcebergBooleansAsText() {
    Map<String, String> flat =
        YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.ICEBERG_SINK));

    assertEquals("true", flat.get("connectorConfigIcebergSink.tablesConfig.evolveSchemaEnabled"));
    assertEquals("false", flat.get("connectorConfigIcebergSink.tablesConfig.schemaForceOptional"));
    assertEquals("60000", flat.get("connectorConfigIcebergSink.controlConfig.commitIntervalMs"));
    assertEquals("analytics.events", flat.get("connectorConfigIcebergSink.staticTables.tables"));
  }

  @Test
  void roundTripsMirrormakerWithWriteOnlySecret() {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.MIRRORMAKER)));
    config.put("connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword", "s3cr3t");

    ConnectorSpec spec = YandexConfigMapping.toSpec("replicate-orders", config);

    MirrormakerConnectorSpec mm = assertInstanceOf(MirrormakerConnectorSpec.class, spec);
    assertEquals("replicate-orders", mm.name());
    assertEquals(3L, mm.tasksMax());
    assertEquals("true", mm.properties().get("sync.topics.config.enabled"));
    ExternalClusterConnection source =
        assertInstanceOf(
            ExternalClusterConnection.class, mm.connectorConfigMirrormaker().sourceCluster());
    assertEquals("s3cr3t", source.externalCluster().saslPassword());
    assertInstanceOf(ThisClusterConnection.class, mm.connectorConfigMirrormaker().targetCluster());
    assertEquals(config, YandexConfigMapping.flatten(spec));
  }

  @Test
  void roundTripsS3SinkWithWriteOnlySecret() {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK)));
    config.put("connectorConfigS3Sink.s3Connection.externalS3.secretAccessKey", "YCN4pQ8v");

    ConnectorSpec spec = YandexConfigMapping.toSpec("orders-to-s3", config);

    S3SinkConnectorSpec s3 = assertInstanceOf(S3SinkConnectorSpec.class, spec);
    assertEquals(10000L, s3.connectorConfigS3Sink().fileMaxRecords());
    assertEquals("gzip", s3.connectorConfigS3Sink().fileCompressionType().value());
    assertEquals(
        "YCN4pQ8v", s3.connectorConfigS3Sink().s3Connection().externalS3().secretAccessKey());
    assertEquals(config, YandexConfigMapping.flatten(spec));
  }

  @Test
  void roundTripsIcebergSink() {
    Map<String, String> config =
        YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.ICEBERG_SINK));

    ConnectorSpec spec = YandexConfigMapping.toSpec("events-to-iceberg", config);

    IcebergSinkConnectorSpec iceberg = assertInstanceOf(IcebergSinkConnectorSpec.class, spec);
    assertEquals(
        Boolean.TRUE, iceberg.connectorConfigIcebergSink().tablesConfig().evolveSchemaEnabled());
    assertEquals(
        Boolean.FALSE, iceberg.connectorConfigIcebergSink().tablesConfig().schemaForceOptional());
    assertEquals(4L, iceberg.connectorConfigIcebergSink().controlConfig().commitThreads());
    assertEquals(config, YandexConfigMapping.flatten(spec));
  }

  @Test
  void refusesConfigWithoutTypedConfig() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> YandexConfigMapping.toSpec("c", Map.of("tasksMax", "1")));
    assertTrue(e.getMessage().contains("no typed config"), e.getMessage());
    assertTrue(e.getMessage().contains("connectorConfigMirrormaker"), e.getMessage());
  }

  @Test
  void refusesTwoTypedConfigs() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexConfigMapping.toSpec(
                    "c",
                    Map.of(
                        "connectorConfigMirrormaker.topics",
                        "a",
                        "connectorConfigS3Sink.topics",
                        "b")));
    assertTrue(e.getMessage().contains("several typed configs"), e.getMessage());
  }

  @Test
  void refusesUnknownKeysNamingThem() {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.MIRRORMAKER)));
    config.put("connectorConfigMirrormaker.topic", "typo");
    config.put("connector.class", "x");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> YandexConfigMapping.toSpec("replicate-orders", config));

    assertTrue(
        e.getMessage().contains("connector.class, connectorConfigMirrormaker.topic"),
        e.getMessage());
    assertEquals("connector.class", e.violations().get(0).field());
  }

  @Test
  void refusesNonNumericInt64NamingTheKey() {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK)));
    config.put("connectorConfigS3Sink.fileMaxRecords", "lots");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> YandexConfigMapping.toSpec("orders-to-s3", config));

    assertTrue(e.getMessage().contains("connectorConfigS3Sink.fileMaxRecords"), e.getMessage());
    assertEquals("connectorConfigS3Sink.fileMaxRecords", e.violations().get(0).field());
  }

  @Test
  void refusesNonBooleanText() {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.ICEBERG_SINK)));
    config.put("connectorConfigIcebergSink.tablesConfig.evolveSchemaEnabled", "yes");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> YandexConfigMapping.toSpec("events-to-iceberg", config));

    assertTrue(e.getMessage().contains("'yes'"), e.getMessage());
    assertEquals(
        "connectorConfigIcebergSink.tablesConfig.evolveSchemaEnabled",
        e.violations().get(0).field());
  }

  @Test
  void refusesMissingRequiredFieldNamingIt() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexConfigMapping.toSpec(
                    "s", Map.of("connectorConfigS3Sink.s3Connection.bucketName", "b")));
    assertTrue(e.getMessage().contains("connectorConfigS3Sink.topics is required"), e.getMessage());
    assertEquals("connectorConfigS3Sink.topics", e.violations().get(0).field());
  }

  @Test
  void refusesClashingKeys() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexConfigMapping.toSpec(
                    "c",
                    Map.of(
                        "connectorConfigMirrormaker.topics",
                        "a",
                        "connectorConfigMirrormaker.topics.x",
                        "b")));
    assertTrue(e.getMessage().contains("connectorConfigMirrormaker.topics"), e.getMessage());
  }

  @Test
  void refusesBarePropertiesKey() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexConfigMapping.toSpec(
                    "c", Map.of("connectorConfigMirrormaker.topics", "a", "properties", "x")));
    assertEquals("properties", e.violations().get(0).field());
  }

  @Test
  void knowsWhichFieldsAnUpdateCanChange() {
    assertTrue(YandexConfigMapping.isUpdatable("tasksMax"));
    assertTrue(YandexConfigMapping.isUpdatable("properties.any.key"));
    assertTrue(YandexConfigMapping.isUpdatable("connectorConfigMirrormaker.topics"));
    assertTrue(
        YandexConfigMapping.isUpdatable(
            "connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword"));
    assertTrue(
        YandexConfigMapping.isUpdatable("connectorConfigMirrormaker.targetCluster.thisCluster"));
    assertTrue(
        YandexConfigMapping.isUpdatable("connectorConfigS3Sink.s3Connection.externalS3.endpoint"));
    assertTrue(
        YandexConfigMapping.isUpdatable(
            "connectorConfigIcebergSink.tablesConfig.evolveSchemaEnabled"));
    assertFalse(YandexConfigMapping.isUpdatable("connectorConfigS3Sink.fileCompressionType"));
    assertFalse(YandexConfigMapping.isUpdatable("connectorConfigIcebergSink.staticTables.tables"));
    assertFalse(
        YandexConfigMapping.isUpdatable("connectorConfigIcebergSink.dynamicTables.routeField"));
  }
}
