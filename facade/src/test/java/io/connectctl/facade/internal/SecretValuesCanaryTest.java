package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.testing.MockServerTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The secrets canary for connector secret values: with request logging on at DEBUG, create and
 * update secrets against a server that echoes the request (its Base64 {@code secret_data}, and the
 * decoded plain values) into error bodies, retried failures and headers. No value may show in a log
 * line, an exception or a {@code toString()}.
 */
class SecretValuesCanaryTest extends MockServerTest {
  private static final String PASSWORD = "canary-secret-pg-5e1f";
  private static final String USER = "canary-secret-user-a7";
  private static final String TOKEN = "canary-bearer-secrets-0b";

  private final List<String> seen = new ArrayList<>();
  private final AtomicInteger flaky = new AtomicInteger();
  private LogCapture logs;

  @BeforeEach
  void start() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().readUtf8();
            String decoded = decodedData(body);
            String echo = (body + " " + decoded).replace("\\", "\\\\").replace("\"", "\\\"");
            String path = request.getPath();
            MockResponse response =
                new MockResponse()
                    .setHeader("Content-Type", "application/json")
                    .setHeader("X-Echo", decoded.replace('\n', ' '));
            if (path.endsWith("/secrets/rejected") || request.getMethod().equals("POST")) {
              return response
                  .setResponseCode(400)
                  .setBody(
                      "{\"code\":\"INVALID_ARGUMENT\",\"message\":\"cannot store "
                          + echo
                          + "\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"field_violations\":"
                          + "[{\"field\":\"secret_data\",\"description\":\""
                          + PASSWORD
                          + " is weak\"}]}]}");
            }
            if (path.endsWith("/secrets/flaky")) {
              return flaky.incrementAndGet() % 2 == 1
                  ? response
                      .setResponseCode(503)
                      .setBody("{\"code\":\"UNAVAILABLE\",\"message\":\"busy " + echo + "\"}")
                  : response
                      .setResponseCode(200)
                      .setBody(
                          "{\"secret\":{\"id\":\"flaky\",\"scopes\":[\"SCOPE_REDPANDA_CONNECT\"]},"
                              + "\"debug\":\""
                              + echo
                              + "\"}");
            }
            if (path.endsWith("/secrets/html")) {
              return response
                  .setResponseCode(502)
                  .setHeader("Content-Type", "text/html")
                  .setBody("<html><pre>" + body + " " + decoded + "</pre></html>");
            }
            return response
                .setResponseCode(409)
                .setBody("{\"code\":\"ALREADY_EXISTS\",\"message\":\"" + echo + "\"}");
          }
        });
    logs = closeAfter(new LogCapture());
  }

  private static String decodedData(String body) {
    int at = body.indexOf("\"secret_data\":\"");
    if (at < 0) {
      return "";
    }
    int start = at + "\"secret_data\":\"".length();
    String b64 = body.substring(start, body.indexOf('"', start));
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  private void record(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      seen.add(t.toString());
      if (t instanceof ConnectCloudException c) {
        seen.add(c.vendorMessage());
        seen.add(c.vendorCode());
      }
      if (t instanceof InvalidRequestException i) {
        i.violations().stream().map(FieldViolation::toString).forEach(seen::add);
      }
    }
  }

  @Test
  void noSecretValueEverShows() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("database.password", PASSWORD);
    values.put("database.user", USER);
    SecretValues secretValues = SecretValues.of(values);
    try (RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl(server.url("/").toString())
            .credentials(StaticCredentials.bearer(TOKEN))
            .httpLogging(true)
            .retryPolicy(TestStack.POLICY)
            .build()) {
      record(
          assertThrows(
              ConnectCloudException.class,
              () ->
                  client
                      .secrets()
                      .create("orders-pg-source", secretValues, Map.of("owner", "data-platform"))));
      record(
          assertThrows(
              ConnectCloudException.class,
              () -> client.secrets().update("rejected", secretValues, Map.of())));
      record(
          assertThrows(
              ConnectCloudException.class,
              () -> client.secrets().update("exists", secretValues, Map.of())));
      record(
          assertThrows(
              ConnectCloudException.class,
              () -> client.secrets().update("html", secretValues, Map.of())));
      ConnectorSecret flakyResult = client.secrets().update("flaky", secretValues, Map.of());
      seen.add(flakyResult.toString());
      seen.add(client.secrets().toString());
      seen.add(client.toString());
      seen.add(secretValues.toString());
    }
    String logText = logs.text();
    String everything = logText + "\n" + String.join("\n", seen);
    // the run did what it should: requests were logged, the retry happened, failures were seen
    assertTrue(logText.contains("--> POST"), logText);
    assertTrue(logText.contains("<-- 400"), logText);
    assertTrue(logText.contains("<-- 503"), logText);
    assertTrue(everything.contains("database.password"), everything);
    assertTrue(server.getRequestCount() >= 6, "every call reached the server");

    String wire =
        Base64.getEncoder()
            .encodeToString(
                ("{\"database.password\":\"" + PASSWORD + "\",\"database.user\":\"" + USER + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
    List<String> leaks = new ArrayList<>();
    for (String line : everything.split("\n")) {
      if (line.contains("canary") || line.contains(wire)) {
        leaks.add(line);
      }
    }
    assertEquals(List.of(), leaks);
    assertFalse(everything.contains(PASSWORD));
  }
}
