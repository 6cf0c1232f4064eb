package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which config keys count as secret, and how values and known secrets are hidden. */
class RedactionTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "connection.password",
        "database.password",
        "ssl.key.password",
        "ssl.truststore.password",
        "sasl.jaas.config",
        "kafka.api.key",
        "kafka.api.secret",
        "aws.secret.access.key",
        "token",
        "credentials",
        "gcs.credentials.json",
        "ssl.keystore.key",
        "private.key",
        "PASSWORD",
        "Connection.Password",
        "apiKey",
        "key",
        "passphrase",
        "basic.auth.user.info",
        "authorization",
        "http.headers.authorization",
        "headers.Authorization"
      })
  void secretLookingKeysAreSecret(String key) {
    assertTrue(Redaction.isSecretKey(key), key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "key.converter", "key.converter.schemas.enable", "value.converter", "topics", "tasks.max",
            "connector.class",
        "name", "connection.url", "connection.user", "database.hostname", "ssl.keystore.location",
            "s3.bucket.name",
        "primary.key.mode", "pk.fields", "sasl.mechanism", "keyword", ""
      })
  void ordinaryKeysAreNotSecret(String key) {
    assertFalse(Redaction.isSecretKey(key), key);
  }

  @Test
  void aNullKeyIsNotSecret() {
    assertFalse(Redaction.isSecretKey(null));
  }

  @Test
  void awsAccessKeyIdsAreTreatedAsSecretWhenTheirPartsAreSeparated() {
    // the identifier is not itself a secret, but hiding it errs on the safe side
    assertTrue(Redaction.isSecretKey("aws.access.key.id"));
    assertTrue(Redaction.isSecretKey("aws.access.key"));
  }

  @Test
  void redactConfigHidesOnlySecretValuesAndKeepsOrder() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "io.confluent.connect.s3.S3SinkConnector");
    config.put("aws.secret.access.key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    config.put("topics", "orders");
    config.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"u\" password=\"hunter22\";");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("connection.password", "");
    config.put("kafka.api.secret", null);

    Map<String, String> redacted = Redaction.redactConfig(config);

    assertEquals(
        List.of(
            "connector.class",
            "aws.secret.access.key",
            "topics",
            "sasl.jaas.config",
            "key.converter",
            "connection.password",
            "kafka.api.secret"),
        List.copyOf(redacted.keySet()));
    assertEquals("io.confluent.connect.s3.S3SinkConnector", redacted.get("connector.class"));
    assertEquals(Redaction.REDACTED, redacted.get("aws.secret.access.key"));
    assertEquals("orders", redacted.get("topics"));
    assertEquals(Redaction.REDACTED, redacted.get("sasl.jaas.config"));
    assertEquals("org.apache.kafka.connect.storage.StringConverter", redacted.get("key.converter"));
    assertEquals("", redacted.get("connection.password"), "an empty secret stays visibly empty");
    assertNull(redacted.get("kafka.api.secret"));
    assertTrue(redacted.containsKey("kafka.api.secret"));
    assertFalse(redacted.toString().contains("hunter22"), redacted.toString());
    assertFalse(redacted.toString().contains("EXAMPLEKEY"), redacted.toString());
  }

  @Test
  void redactConfigLeavesItsInputAlone() {
    Map<String, String> config = new LinkedHashMap<>(Map.of("password", "hunter22"));
    Redaction.redactConfig(config);
    assertEquals("hunter22", config.get("password"));
    assertEquals(Map.of(), Redaction.redactConfig(Map.of()));
  }

  @Test
  void redactSecretsReplacesEveryOccurrenceOfEachSecret() {
    String text = "Authorization: Bearer tok-123456 (again: tok-123456), secret s3cr3t-value, ok";

    assertEquals(
        "Authorization: Bearer <redacted> (again: <redacted>), secret <redacted>, ok",
        Redaction.redactSecrets(text, List.of("tok-123456", "s3cr3t-value")));
  }

  @Test
  void aSecretThatStartsAnotherDoesNotLeaveTheLongerOnesTail() {
    String text = "short=abcd long=abcdefgh";
    assertEquals(
        "short=<redacted> long=<redacted>",
        Redaction.redactSecrets(text, java.util.List.of("abcd", "abcdefgh")));
  }

  @Test
  void redactSecretsIgnoresNullAndVeryShortSecrets() {
    // secrets under four characters would blank out ordinary words; they are never real credentials
    assertEquals(
        "abc and a-b-c",
        Redaction.redactSecrets("abc and a-b-c", Arrays.asList(null, "abc", "", "a")));
    assertEquals("<redacted> here", Redaction.redactSecrets("abcd here", List.of("abcd")));
    assertNull(Redaction.redactSecrets(null, List.of("abcd")));
    assertEquals("no secrets", Redaction.redactSecrets("no secrets", List.of()));
  }
}
