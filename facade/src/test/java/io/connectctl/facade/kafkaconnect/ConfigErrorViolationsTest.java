package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A config the worker refuses gives one {@link FieldViolation} per error the worker lists, on a
 * mock answering with the body a Kafka Connect 4.1.1 worker sends (copied from one).
 */
class ConfigErrorViolationsTest {
  private static final String FOOTER =
      "You can also find the above list of errors at the endpoint "
          + "`/connector-plugins/{connectorType}/config/validate`";

  private MockWebServer server;
  private KafkaConnectConnectorClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        KafkaConnectConnectorClient.builder()
            .baseUrl(server.url("/").toString())
            .credentials(StaticCredentials.none())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private InvalidRequestException refusedWith(String workerMessage, Map<String, String> config) {
    String json =
        "{\"error_code\":400,\"message\":\""
            + workerMessage.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
            + "\"}";
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody(json));
    return assertThrows(
        InvalidRequestException.class,
        () -> client.create(new ConnectorDefinition("orders", config)));
  }

  @Test
  void eachListedErrorIsAViolationOfItsField() {
    InvalidRequestException e =
        refusedWith(
            "Connector configuration is invalid and contains the following 5 error(s):\n"
                + "Invalid value x for configuration tasks.max: Not a number of type INT\n"
                + "Invalid value null for configuration tasks.max: Value must be non-null\n"
                + "Invalid value nope.Nope for configuration key.converter: Class nope.Nope could not be found.\n"
                + "Must configure one of topics or topics.regex\n"
                + "Must configure one of topics or topics.regex\n"
                + FOOTER,
            Map.of("connector.class", "FileStreamSink", "tasks.max", "x"));

    assertEquals(
        List.of(
            new FieldViolation("tasks.max", "Not a number of type INT"),
            new FieldViolation("tasks.max", "Value must be non-null"),
            new FieldViolation("key.converter", "Class nope.Nope could not be found."),
            new FieldViolation("", "Must configure one of topics or topics.regex")),
        e.violations());
    assertTrue(
        e.getMessage()
            .endsWith(
                "Connector configuration is invalid and contains the following 5 error(s) "
                    + "[tasks.max: Not a number of type INT; tasks.max: Value must be non-null; "
                    + "key.converter: Class nope.Nope could not be found.; "
                    + "Must configure one of topics or topics.regex]"),
        e.getMessage());
    assertTrue(e.vendorMessage().contains("\n"), "the worker's message is kept as sent");
  }

  @Test
  void aMissingRequiredSettingNamesItsField() {
    InvalidRequestException e =
        refusedWith(
            "Connector configuration is invalid and contains the following 1 error(s):\n"
                + "Missing required configuration \"source.cluster.alias\" which has no default value.\n"
                + FOOTER,
            Map.of("connector.class", "MirrorSourceConnector"));

    assertEquals(
        List.of(new FieldViolation("source.cluster.alias", "required, and has no default value")),
        e.violations());
  }

  @Test
  void secretValuesNeverReachAViolationEvenWhenTheySpanLines() {
    String pem = "-----BEGIN KEY-----\nMIIEsecretLINE\n-----END KEY-----";
    InvalidRequestException e =
        refusedWith(
            "Connector configuration is invalid and contains the following 2 error(s):\n"
                + "Invalid value "
                + pem
                + " for configuration ssl.keystore.key: Invalid PEM\n"
                + "Invalid value hunter2-secret for configuration connection.password: Too short\n"
                + FOOTER,
            Map.of(
                "connector.class",
                "X",
                "ssl.keystore.key",
                pem,
                "connection.password",
                "hunter2-secret"));

    assertEquals(
        List.of(
            new FieldViolation("ssl.keystore.key", "Invalid PEM"),
            new FieldViolation("connection.password", "Too short")),
        e.violations());
    for (String secret : List.of("MIIEsecretLINE", "hunter2-secret")) {
      assertFalse(e.getMessage().contains(secret), e.getMessage());
      assertFalse(e.violations().toString().contains(secret), e.violations().toString());
    }
  }

  @Test
  void anotherRefusalKeepsItsMessageAndHasNoViolations() {
    InvalidRequestException e =
        refusedWith(
            "Connector config {name=v5, tasks.max=1} contains no connector type",
            Map.of("tasks.max", "1"));

    assertEquals(List.of(), e.violations());
    assertTrue(e.getMessage().endsWith("contains no connector type"), e.getMessage());
  }
}
