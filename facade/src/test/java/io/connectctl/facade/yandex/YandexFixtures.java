package io.connectctl.facade.yandex;

import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.yandex.model.Connector;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Connectors as Yandex sends them, one per kind (shaped like the spec's examples). */
final class YandexFixtures {
  static final String MIRRORMAKER =
      """
      {"name": "replicate-orders", "tasksMax": "3",
       "properties": {"sync.topics.config.enabled": "true", "refresh.topics.interval.seconds": "60"},
       "health": "ALIVE", "status": "RUNNING", "clusterId": "c9qbkmoiimsl6e7dc3j2",
       "connectorConfigMirrormaker": {
         "sourceCluster": {"alias": "source", "externalCluster": {
           "bootstrapServers": "rc1a.example:9091,rc1b.example:9091", "saslUsername": "mirror-reader",
           "saslMechanism": "SCRAM-SHA-512", "securityProtocol": "SASL_SSL"}},
         "targetCluster": {"alias": "target", "thisCluster": {}},
         "topics": "orders.*", "replicationFactor": "3"}}
      """;

  static final String S3_SINK =
      """
      {"name": "orders-to-s3", "tasksMax": "2",
       "properties": {"key.converter": "org.apache.kafka.connect.storage.StringConverter", "format.output.type": "jsonl"},
       "health": "ALIVE", "status": "PAUSED", "clusterId": "c9qbkmoiimsl6e7dc3j2",
       "connectorConfigS3Sink": {"topics": "orders", "fileCompressionType": "gzip", "fileMaxRecords": "10000",
         "s3Connection": {"bucketName": "orders-archive", "externalS3": {
           "accessKeyId": "YCAJEk3b9Xq7TpWm2Rz5dLf0a", "endpoint": "storage.yandexcloud.net", "region": "ru-central1"}}}}
      """;

  static final String ICEBERG_SINK =
      """
      {"name": "events-to-iceberg", "tasksMax": "2",
       "properties": {"value.converter": "org.apache.kafka.connect.json.JsonConverter"},
       "health": "DEAD", "status": "ERROR", "clusterId": "c9qbkmoiimsl6e7dc3j2",
       "connectorConfigIcebergSink": {"topics": "events", "controlTopic": "events-iceberg-control",
         "metastoreConnection": {"catalogUri": "thrift://10.128.0.27:9083", "warehouse": "s3a://lake/warehouse"},
         "s3Connection": {"externalS3": {"accessKeyId": "YCAJEr8m2Vn6", "endpoint": "https://storage.yandexcloud.net",
           "region": "ru-central1"}},
         "staticTables": {"tables": "analytics.events"},
         "tablesConfig": {"defaultCommitBranch": "main", "evolveSchemaEnabled": true, "schemaForceOptional": false},
         "controlConfig": {"groupIdPrefix": "cg-control", "commitIntervalMs": "60000", "commitThreads": "4"}}}
      """;

  /** A connector of a type the spec does not know (a JDBC sink), as a newer Yandex sends it. */
  static final String JDBC_SINK =
      """
      {"name": "orders-to-postgres", "tasksMax": "1", "properties": {},
       "health": "ALIVE", "status": "RUNNING", "clusterId": "c9qbkmoiimsl6e7dc3j2",
       "connectorConfigJdbcSink": {"topics": "orders", "connectionUrl": "jdbc:postgresql://db:5432/shop",
         "connectionUser": "writer", "connectionPassword": "hunter2"}}
      """;

  private YandexFixtures() {}

  static Connector connector(String json) {
    try {
      return ModelJson.moshi().adapter(Connector.class).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
