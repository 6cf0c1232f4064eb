package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Redaction#isSecret} over real connector configs: every password, secret, key, token and
 * JAAS value is a secret; no mode, type, method, mechanism or protocol name is. Each row is {@code
 * key, value, secret?}.
 */
class SecretDecisionTableTest {
  private static final String S = "secret", P = "plain";

  static Stream<Arguments> rows() {
    Map<String, List<String[]>> configs =
        Map.of(
            "Confluent S3 sink",
            List.of(
                row("kafka.auth.mode", "KAFKA_API_KEY", P),
                row("kafka.auth.mode", "SERVICE_ACCOUNT", P),
                row("kafka.api.key", "ABCDEFGHIJKLMNOP", S),
                row("kafka.api.secret", "xYz+0123456789abcdefGHIJKLmnop/qrs", S),
                row("aws.access.key.id", "AKIAIOSFODNN7EXAMPLE", S),
                row("aws.secret.access.key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", S),
                row("input.data.format", "AVRO", P),
                row("output.data.format", "JSON", P),
                row("s3.bucket.name", "orders-archive", P),
                row("time.interval", "HOURLY", P),
                row("connector.class", "S3_SINK", P)),
            "Debezium MySQL/Postgres source",
            List.of(
                row("database.password", "dbz-pass", S),
                row("database.user", "debezium", P),
                row("database.sslmode", "require", P),
                row(
                    "schema.history.internal.producer.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p\";",
                    S),
                row("schema.history.internal.producer.security.protocol", "SASL_SSL", P),
                row("schema.history.internal.producer.sasl.mechanism", "PLAIN", P),
                row("snapshot.mode", "initial", P),
                row("plugin.name", "pgoutput", P)),
            "JDBC sink",
            List.of(
                row("connection.url", "jdbc:postgresql://db:5432/shop", P),
                row("connection.url", "jdbc:postgresql://writer:hunter2@db:5432/shop", S),
                row("connection.user", "writer", P),
                row("connection.password", "hunter2", S),
                row("insert.mode", "upsert", P),
                row("pk.mode", "record_key", P),
                row("auto.create", "true", P)),
            "MirrorMaker 2",
            List.of(
                row("source.cluster.security.protocol", "SASL_SSL", P),
                row("source.cluster.sasl.mechanism", "SCRAM-SHA-512", P),
                row(
                    "source.cluster.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"s\";",
                    S),
                row("source.cluster.ssl.truststore.password", "changeit", S),
                row("source.cluster.ssl.key.password", "keypass", S),
                row("source.cluster.ssl.keystore.type", "PKCS12", P),
                row("source.cluster.ssl.keystore.location", "/etc/kafka/ks.p12", P),
                row("source.cluster.ssl.endpoint.identification.algorithm", "https", P),
                row("source.cluster.sasl.oauthbearer.token.endpoint.url", "https://idp/token", P),
                row("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter", P)),
            "S3 / GCS sinks",
            List.of(
                row("aws.secret.access.key", "abc/def+ghi", S),
                row(
                    "s3.credentials.provider.class",
                    "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
                    P),
                row(
                    "gcs.credentials.json",
                    "{\"type\":\"service_account\",\"private_key\":\"x\"}",
                    S),
                row("gcs.credentials.path", "/secrets/gcs.json", P),
                row("gcp.credentials.source", "ENV", P),
                row("s3.sse.customer.key", "c2VjcmV0LWtleQ==", S),
                row("format.output.type", "jsonl", P)),
            "Snowflake sink",
            List.of(
                row("snowflake.private.key", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", S),
                row("snowflake.private.key.passphrase", "pass-phrase", S),
                row("snowflake.authenticator", "snowflake_jwt", P),
                row("snowflake.ingestion.method", "SNOWPIPE_STREAMING", P),
                row("snowflake.user.name", "kafka_user", P),
                row("snowflake.oauth.client.secret", "oauth-secret", S),
                row("snowflake.oauth.refresh.token", "refresh-token", S)),
            "Schema Registry converter",
            List.of(
                row("value.converter.basic.auth.credentials.source", "USER_INFO", P),
                row("value.converter.basic.auth.user.info", "sr-key:sr-secret", S),
                row("value.converter.bearer.auth.token", "eyJhbGciOi", S)));
    List<Arguments> out = new ArrayList<>();
    configs.forEach(
        (connector, rows) -> rows.forEach(r -> out.add(Arguments.of(connector, r[0], r[1], r[2]))));
    return out.stream();
  }

  private static String[] row(String key, String value, String kind) {
    return new String[] {key, value, kind};
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void decidesFromTheKeyAndTheValueShape(String connector, String key, String value, String kind) {
    boolean secret = S.equals(kind);
    assertEquals(secret, Redaction.isSecret(key, value), connector + " " + key + " = " + value);
    assertEquals(
        secret ? Redaction.REDACTED : value,
        Redaction.redactValue(key, value),
        "redactValue follows the same decision");
  }
}
