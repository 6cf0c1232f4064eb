package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code logExchanges}: exactly one line per exchange, for log pipelines, never a secret. */
class ExchangeLogTest {
  private static final String TOKEN = "tok-EXCHANGE-secret-1";
  private static final String PASSWORD = "pw-EXCHANGE-secret-2";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private KafkaConnectConnectorClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client =
        KafkaConnectConnectorClient.builder()
            .baseUrl(server.url("/").toString())
            .credentials(StaticCredentials.bearer(TOKEN))
            .retryPolicy(RetryPolicy.none())
            .logExchanges(lines::add)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @Test
  void oneExchangeIsOneLineWithMethodUrlStatusDurationAndSizes() {
    String body =
        "{\"name\":\"orders\",\"config\":{\"tasks.max\":\"1\"},\"tasks\":[],\"type\":\"sink\"}";
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody(body));

    client.create(
        new ConnectorDefinition(
            "orders",
            Map.of("connector.class", "FileStreamSink", "connection.password", PASSWORD)));

    assertEquals(1, lines.size(), lines.toString());
    String line = lines.get(0);
    assertFalse(line.contains("\n"), line);
    assertTrue(
        line.matches(
            "connectctl vendor=kafka-connect method=POST url=http://\\S+/connectors status=201"
                + " durationMs=\\d+ requestBytes=[1-9]\\d* responseBytes="
                + body.length()),
        line);
    for (String secret : List.of(TOKEN, PASSWORD)) {
      assertFalse(line.contains(secret), line);
    }
  }

  @Test
  void aSecretInTheQueryOrAHeaderIsHidden() throws IOException {
    server.enqueue(new MockResponse().setBody("[]").setHeader("Content-Type", "application/json"));
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(new ExchangeLogInterceptor(Vendor.KAFKA_CONNECT, lines::add))
            .build();
    Request request =
        new Request.Builder()
            .url(server.url("/connectors?api_key=" + TOKEN + "&expand=status"))
            .header("Authorization", "Bearer " + PASSWORD)
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertEquals(200, response.code());
    }

    assertEquals(1, lines.size(), lines.toString());
    assertFalse(lines.get(0).contains(TOKEN), lines.get(0));
    assertFalse(lines.get(0).contains(PASSWORD), lines.get(0));
    assertTrue(lines.get(0).contains("expand=status"), lines.get(0));
  }

  @Test
  void aTransportFailureIsOneLineWithStatusZeroAndTheErrorClass() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

    assertThrows(NetworkException.class, () -> client.status("orders"));

    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains(" status=0 "), lines.get(0));
    assertTrue(lines.get(0).matches(".* error=\\w+"), lines.get(0));
  }
}
