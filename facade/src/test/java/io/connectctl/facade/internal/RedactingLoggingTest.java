package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.testing.MockServerTest;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedactingLoggingTest extends MockServerTest {
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = closeAfter(new LogCapture());
  }

  private TestStack stack(boolean logging, RetryPolicy policy) {
    return new TestStack(
        server,
        Vendor.REDPANDA,
        TestStack.options(
            StaticCredentials.bearer("bearer-abc-123"), policy, Duration.ofSeconds(5), logging));
  }

  private List<String> linesOf(Class<?> source) {
    return logs.lines().stream().filter(l -> l.startsWith(source.getName() + " ")).toList();
  }

  @Test
  void logsMethodUrlStatusDurationHeadersAndBodies() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"name\":\"orders\",\"tasks_max\":3}"));
    TestStack stack = stack(true, RetryPolicy.none());

    Calls.execute(
        Vendor.REDPANDA, stack.api.create(Map.of("name", "orders")), "create connector 'orders'");

    List<String> lines = linesOf(RedactingLoggingInterceptor.class);
    assertEquals(2, lines.size(), lines.toString());
    String request = lines.get(0);
    String response = lines.get(1);
    assertTrue(request.contains(" DEBUG redpanda: --> POST " + server.url("/v1/things")), request);
    assertTrue(request.contains("Authorization: " + Redaction.REDACTED), request);
    assertTrue(request.contains("{\"name\":\"orders\"}"), request);
    assertTrue(
        response.contains("redpanda: <-- 201 OK POST " + server.url("/v1/things")), response);
    assertTrue(response.matches("(?s).* \\(\\d+ ms\\).*"), response);
    assertTrue(response.contains("{\"name\":\"orders\",\"tasks_max\":3}"), response);
    assertFalse(logs.text().contains("bearer-abc-123"));
  }

  @Test
  void secretJsonValuesAreHiddenAtAnyDepth() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"config\":{\"database.password\":\"resp-pw-1\",\"topics\":\"orders\"}}"));
    TestStack stack = stack(true, RetryPolicy.none());
    Map<String, Object> external = new LinkedHashMap<>();
    external.put("bootstrapServers", "kafka:9092");
    external.put("saslPassword", "req-pw-2");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "connectorSpec",
        Map.of(
            "connectorConfigMirrormaker",
            Map.of("sourceCluster", Map.of("externalCluster", external))));
    body.put("secrets", List.of(Map.of("api.key", "req-key-3")));

    Calls.execute(Vendor.REDPANDA, stack.api.put("orders", body), "update connector 'orders'");

    String text = logs.text();
    for (String secret : List.of("resp-pw-1", "req-pw-2", "req-key-3")) {
      assertFalse(text.contains(secret), secret + " leaked: " + text);
    }
    assertTrue(text.contains("\"bootstrapServers\":\"kafka:9092\""), text);
    assertTrue(text.contains("\"saslPassword\":\"" + Redaction.REDACTED + "\""), text);
    assertTrue(text.contains("\"topics\":\"orders\""), text);
  }

  @Test
  void aSecretEchoedInAnyFormIsHidden() {
    // the server repeats the password from the request in free text, and the token in a header
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "text/plain")
            .setHeader("X-Debug", "saw Bearer bearer-abc-123")
            .setBody("invalid value req-pw-9 for connection.password"));
    TestStack stack = stack(true, RetryPolicy.none());

    try {
      Calls.execute(
          Vendor.REDPANDA,
          stack.api.put("orders", Map.of("connection.password", "req-pw-9")),
          "update");
    } catch (RuntimeException expected) {
      assertFalse(expected.getMessage().contains("req-pw-9"), expected.getMessage());
    }

    String text = logs.text();
    assertFalse(text.contains("req-pw-9"), text);
    assertFalse(text.contains("bearer-abc-123"), text);
    assertTrue(
        text.contains("invalid value " + Redaction.REDACTED + " for connection.password"), text);
  }

  @Test
  void bodiesAreCutAtTheLimit() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"data\":\"" + "x".repeat(20_000) + "\"}"));
    TestStack stack = stack(true, RetryPolicy.none());

    Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'");

    String response = linesOf(RedactingLoggingInterceptor.class).get(1);
    assertTrue(
        response.length() < RedactingLoggingInterceptor.BODY_LIMIT + 1000,
        "length " + response.length());
    assertTrue(
        response.endsWith("(cut at " + RedactingLoggingInterceptor.BODY_LIMIT + " characters)"));
  }

  @Test
  void failuresAreLogged() {
    server.enqueue(
        new MockResponse()
            .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
    TestStack stack = stack(true, RetryPolicy.none());

    try {
      Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'");
    } catch (RuntimeException expected) {
      // logged below
    }

    List<String> lines = linesOf(RedactingLoggingInterceptor.class);
    assertTrue(
        lines
            .get(lines.size() - 1)
            .contains("<-- GET " + server.url("/v1/things/orders") + " failed after"),
        lines.toString());
  }

  @Test
  void nothingIsLoggedWhenLoggingIsOff() {
    server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
    TestStack stack = stack(false, RetryPolicy.none());

    Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'");

    assertEquals(List.of(), linesOf(RedactingLoggingInterceptor.class));
  }

  @Test
  void retriesAreLoggedAtDebugEvenWithoutRequestLogging() {
    server.enqueue(new MockResponse().setResponseCode(503).setBody("{}"));
    server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));
    TestStack stack = stack(false, TestStack.POLICY);

    Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'");

    assertEquals(
        List.of(
            RetryInterceptor.class.getName()
                + " DEBUG redpanda: GET "
                + server.url("/v1/things/orders")
                + " got HTTP 503; retry 1 of 3 in 100 ms"),
        linesOf(RetryInterceptor.class));
  }

  @Test
  void secretHeadersQueryParametersAndFormFieldsAreHidden() {
    LogRedaction redaction =
        new LogRedaction(KnownSecrets.of(null, new Request.Builder().url("http://x/").build()));

    String headers =
        redaction.headers(
            okhttp3.Headers.of(
                "Authorization",
                "Basic abc",
                "Cookie",
                "s=1",
                "X-Api-Key",
                "k",
                "Proxy-Authorization",
                "p",
                "Idempotency-Key",
                "key-1",
                "Accept",
                "application/json"));
    assertEquals(
        String.join(
            "\n    ",
            "",
            "Authorization: <redacted>",
            "Cookie: <redacted>",
            "X-Api-Key: <redacted>",
            "Proxy-Authorization: <redacted>",
            "Idempotency-Key: key-1",
            "Accept: application/json"),
        headers);

    assertEquals(
        "https://user:%3Credacted%3E@h/p?page_token=abc&access_token=%3Credacted%3E",
        redaction.url(okhttp3.HttpUrl.get("https://user:pw@h/p?page_token=abc&access_token=t0k")));

    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", "id-1")
            .add("client_secret", "s3cr3t")
            .build();
    okio.Buffer buffer = new okio.Buffer();
    try {
      form.writeTo(buffer);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(
        "grant_type=client_credentials&client_id=id-1&client_secret=" + Redaction.REDACTED,
        redaction.body(buffer.readUtf8(), form.contentType(), 1000, false));
  }

  @Test
  void truncatedJsonStillHasItsSecretPairsHidden() {
    LogRedaction redaction =
        new LogRedaction(KnownSecrets.of(null, new Request.Builder().url("http://x/").build()));
    assertEquals(
        "{\"a\":\"b\",\"password\":\""
            + Redaction.REDACTED
            + "\",\"token\":\""
            + Redaction.REDACTED
            + "\"",
        redaction.body(
            "{\"a\":\"b\",\"password\":\"p1\",\"token\":\"abc",
            MediaType.get("application/json"),
            1000,
            false));
  }
}
