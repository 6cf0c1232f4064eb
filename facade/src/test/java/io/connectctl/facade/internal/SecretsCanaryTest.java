package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.OAuth2ClientCredentials;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.auth.YandexIamCredentials;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.testing.MockServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

/**
 * With logging at its most verbose, runs successful and failing calls with every kind of
 * credentials and a connector config holding secrets, against a server that echoes those secrets
 * back in every way it can; no secret may appear in any log line, exception message or {@code
 * toString()}.
 */
class SecretsCanaryTest extends MockServerTest {
  private static final String BEARER = "canary-bearer-7f3a9c";
  private static final String API_KEY = "KEYPUBLIC1";
  private static final String API_SECRET = "canary-api-secret-51d2";
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));
  private static final String CLIENT_SECRET = "canary-client-secret-88e1";
  private static final String YC_OAUTH = "canary-yc-oauth-3b7d";
  private static final String PASSWORD = "canary-password-c0ffee";
  private static final String JAAS = "canary-jaas-a1b2c3";
  private static final String SASL = "canary-sasl-9e8d";

  private final AtomicInteger tokens = new AtomicInteger();
  private final List<String> seen = new ArrayList<>();
  private LogCapture logs;

  @BeforeEach
  void start() {
    server.setDispatcher(new EchoingServer());
    logs = closeAfter(new LogCapture());
  }

  /** Answers by path, echoing request secrets (body and Authorization) into headers and bodies. */
  private final class EchoingServer extends Dispatcher {
    private final AtomicInteger flaky = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      String body = request.getBody().readUtf8();
      String auth = String.valueOf(request.getHeader("Authorization"));
      if (path.startsWith("/token-refused")) {
        return json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"bad secret in " + body + "\"}");
      }
      if (path.startsWith("/token")) {
        return json(
            200,
            "{\"access_token\":\"canary-oauth-token-"
                + tokens.incrementAndGet()
                + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
      }
      if (path.startsWith("/iam")) {
        return json(
            200,
            "{\"iamToken\":\"canary-iam-token-"
                + tokens.incrementAndGet()
                + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
      }
      MockResponse echoHeaders =
          new MockResponse()
              .setHeader("X-Echo-Auth", auth)
              .setHeader("Set-Cookie", "session=" + auth.replace(' ', '_'));
      if (path.endsWith("/echo")
          || path.equals("/v1/things") && request.getMethod().equals("POST")) {
        return echoHeaders
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody(body);
      }
      if (path.endsWith("/bad")) {
        return echoHeaders
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"code\":\"INVALID_ARGUMENT\",\"message\":\"rejected "
                    + escape(body)
                    + " with "
                    + auth
                    + "\","
                    + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"field_violations\":["
                    + "{\"field\":\"config.connection.password\",\"description\":\""
                    + PASSWORD
                    + " is too weak\"}]}]}");
      }
      if (path.endsWith("/html")) {
        return echoHeaders
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody(
                "<html><body><h1>Bad gateway</h1><pre>"
                    + auth
                    + " "
                    + body
                    + "</pre></body></html>");
      }
      if (path.endsWith("/flaky")) {
        return flaky.incrementAndGet() % 2 == 1
            ? echoHeaders.setResponseCode(503).setBody("try again, " + auth)
            : echoHeaders.setResponseCode(200).setBody(body.isEmpty() ? "{}" : body);
      }
      if (path.endsWith("/expired")) {
        return auth.endsWith("-1")
            ? echoHeaders
                .setResponseCode(401)
                .setBody("{\"code\":16,\"message\":\"expired: " + auth + "\"}")
            : echoHeaders.setResponseCode(200).setBody("{}");
      }
      if (path.endsWith("/limited")) {
        return echoHeaders
            .setResponseCode(429)
            .setHeader("Retry-After", "999")
            .setBody("slow down " + auth);
      }
      if (path.endsWith("/reset")) {
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      }
      return json(404, "{}");
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static String escape(String json) {
    return json.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    config.put("connection.password", PASSWORD);
    config.put(
        "nested", Map.of("sasl.jaas.config", JAAS, "list", List.of(Map.of("saslPassword", SASL))));
    return config;
  }

  private TestStack stack(Vendor vendor, Credentials credentials) {
    return new TestStack(
        server,
        vendor,
        TestStack.options(credentials, TestStack.POLICY, Duration.ofSeconds(5), true));
  }

  private void run(Vendor vendor, Call<?> call) {
    try {
      Calls.execute(vendor, call, "update connector 'orders'");
    } catch (ConnectCloudException e) {
      record(e);
    }
  }

  private void record(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      seen.add(t.toString());
      if (t instanceof ConnectCloudException c) {
        seen.add(c.vendorMessage());
        seen.add(c.vendorCode());
        seen.add(c.requestId());
      }
      if (t instanceof InvalidRequestException i) {
        for (FieldViolation v : i.violations()) {
          seen.add(v.toString());
        }
      }
    }
  }

  private void exercise(Vendor vendor, Credentials credentials) {
    TestStack stack = stack(vendor, credentials);
    run(vendor, stack.api.put("echo", config()));
    run(vendor, stack.api.create(config()));
    run(vendor, stack.api.put("bad", config()));
    run(vendor, stack.api.put("html", config()));
    run(vendor, stack.api.put("flaky", config()));
    run(vendor, stack.api.get("expired"));
    run(vendor, stack.api.put("limited", config()));
    run(vendor, stack.api.create("idem-1", config()));
    run(vendor, stack.api.put("reset", config()));
    seen.add(credentials.toString());
  }

  @Test
  void noSecretEverShows() {
    exercise(Vendor.YANDEX, StaticCredentials.bearer(BEARER));
    exercise(Vendor.CONFLUENT, StaticCredentials.basic(API_KEY, API_SECRET));
    exercise(
        Vendor.REDPANDA,
        OAuth2ClientCredentials.builder()
            .clientId("client-id-1")
            .clientSecret(CLIENT_SECRET)
            .tokenUrl(server.url("/token").toString())
            .build());
    exercise(
        Vendor.YANDEX, YandexIamCredentials.oauthToken(YC_OAUTH, server.url("/iam").toString()));

    Credentials refused =
        OAuth2ClientCredentials.builder()
            .clientId("client-id-1")
            .clientSecret(CLIENT_SECRET)
            .tokenUrl(server.url("/token-refused").toString())
            .build();
    TestStack stack = stack(Vendor.REDPANDA, refused);
    ConnectCloudException e =
        assertThrows(
            ConnectCloudException.class,
            () -> Calls.execute(Vendor.REDPANDA, stack.api.get("echo"), "get connector 'orders'"));
    record(e);
    seen.add(refused.toString());

    String logText = logs.text();
    String everything = logText + "\n" + String.join("\n", seen);
    // the run did what it should: calls were logged and failures were seen
    assertTrue(logText.contains("--> PUT"), logText);
    assertTrue(logText.contains("<-- 400"), logText);
    assertTrue(logText.contains("retry 1 of 3"), logText);
    assertTrue(everything.contains("config.connection.password"), everything);
    assertTrue(tokens.get() >= 3, "tokens were fetched");

    assertFalse(everything.contains("canary"), () -> "a secret leaked:\n" + leaks(everything));
    assertFalse(everything.contains(BASIC), "the Basic credentials leaked");
    assertEquals(List.of(), leaks(everything));
  }

  private static List<String> leaks(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.contains("canary") || line.contains(BASIC)) {
        out.add(line);
      }
    }
    return out;
  }
}
