package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  /** One row per line: {@code connector | key | value | secret or plain}. */
  private static final String TABLE =
      """
      Confluent S3 sink | kafka.auth.mode | KAFKA_API_KEY | plain
      Confluent S3 sink | kafka.auth.mode | SERVICE_ACCOUNT | plain
      Confluent S3 sink | kafka.api.key | ABCDEFGHIJKLMNOP | secret
      Confluent S3 sink | kafka.api.secret | xYz+0123456789abcdefGHIJKLmnop/qrs | secret
      Confluent S3 sink | aws.access.key.id | AKIAIOSFODNN7EXAMPLE | secret
      Confluent S3 sink | aws.secret.access.key | wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | secret
      Confluent S3 sink | input.data.format | AVRO | plain
      Confluent S3 sink | output.data.format | JSON | plain
      Confluent S3 sink | s3.bucket.name | orders-archive | plain
      Confluent S3 sink | time.interval | HOURLY | plain
      Confluent S3 sink | connector.class | S3_SINK | plain
      Debezium MySQL/Postgres source | database.password | dbz-pass | secret
      Debezium MySQL/Postgres source | database.user | debezium | plain
      Debezium MySQL/Postgres source | database.sslmode | require | plain
      Debezium MySQL/Postgres source | schema.history.internal.producer.sasl.jaas.config | org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p"; | secret
      Debezium MySQL/Postgres source | schema.history.internal.producer.security.protocol | SASL_SSL | plain
      Debezium MySQL/Postgres source | schema.history.internal.producer.sasl.mechanism | PLAIN | plain
      Debezium MySQL/Postgres source | snapshot.mode | initial | plain
      Debezium MySQL/Postgres source | plugin.name | pgoutput | plain
      JDBC sink | connection.url | jdbc:postgresql://db:5432/shop | plain
      JDBC sink | connection.url | jdbc:postgresql://writer:hunter2@db:5432/shop | secret
      JDBC sink | connection.user | writer | plain
      JDBC sink | connection.password | hunter2 | secret
      JDBC sink | insert.mode | upsert | plain
      JDBC sink | pk.mode | record_key | plain
      JDBC sink | auto.create | true | plain
      MirrorMaker 2 | source.cluster.security.protocol | SASL_SSL | plain
      MirrorMaker 2 | source.cluster.sasl.mechanism | SCRAM-SHA-512 | plain
      MirrorMaker 2 | source.cluster.sasl.jaas.config | org.apache.kafka.common.security.scram.ScramLoginModule required username="m" password="s"; | secret
      MirrorMaker 2 | source.cluster.ssl.truststore.password | changeit | secret
      MirrorMaker 2 | source.cluster.ssl.key.password | keypass | secret
      MirrorMaker 2 | source.cluster.ssl.keystore.type | PKCS12 | plain
      MirrorMaker 2 | source.cluster.ssl.keystore.location | /etc/kafka/ks.p12 | plain
      MirrorMaker 2 | source.cluster.ssl.endpoint.identification.algorithm | https | plain
      MirrorMaker 2 | source.cluster.sasl.oauthbearer.token.endpoint.url | https://idp/token | plain
      MirrorMaker 2 | key.converter | org.apache.kafka.connect.converters.ByteArrayConverter | plain
      S3 / GCS sinks | aws.secret.access.key | abc/def+ghi | secret
      S3 / GCS sinks | s3.credentials.provider.class | com.amazonaws.auth.DefaultAWSCredentialsProviderChain | plain
      S3 / GCS sinks | gcs.credentials.json | {"type":"service_account","private_key":"x"} | secret
      S3 / GCS sinks | gcs.credentials.path | /secrets/gcs.json | plain
      S3 / GCS sinks | gcp.credentials.source | ENV | plain
      S3 / GCS sinks | s3.sse.customer.key | c2VjcmV0LWtleQ== | secret
      S3 / GCS sinks | format.output.type | jsonl | plain
      Snowflake sink | snowflake.private.key | MIIEvQIBADANBgkqhkiG9w0BAQEFAASC | secret
      Snowflake sink | snowflake.private.key.passphrase | pass-phrase | secret
      Snowflake sink | snowflake.authenticator | snowflake_jwt | plain
      Snowflake sink | snowflake.ingestion.method | SNOWPIPE_STREAMING | plain
      Snowflake sink | snowflake.user.name | kafka_user | plain
      Snowflake sink | snowflake.oauth.client.secret | oauth-secret | secret
      Snowflake sink | snowflake.oauth.refresh.token | refresh-token | secret
      Schema Registry converter | value.converter.basic.auth.credentials.source | USER_INFO | plain
      Schema Registry converter | value.converter.basic.auth.user.info | sr-key:sr-secret | secret
      Schema Registry converter | value.converter.bearer.auth.token | eyJhbGciOi | secret
      """;

  static Stream<Arguments> rows() {
    return TABLE
        .lines()
        .map(line -> line.split(" \\| ", 4))
        .map(cells -> Arguments.of(cells[0], cells[1], cells[2], cells[3]));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void decidesFromTheKeyAndTheValueShape(String connector, String key, String value, String kind) {
    boolean secret = kind.equals("secret");
    assertEquals(secret, Redaction.isSecret(key, value), connector + " " + key + " = " + value);
    assertEquals(
        secret ? Redaction.REDACTED : value,
        Redaction.redactValue(key, value),
        "redactValue follows the same decision");
  }
}
