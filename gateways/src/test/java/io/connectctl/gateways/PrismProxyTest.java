package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validating proxy really validates: a response off the spec and a request off the spec are
 * both reported, and a 204 reaches OkHttp without the stray body Prism adds (checked here: Prism
 * 5.14.2 answers an upstream 204 that carries {@code Content-Type: application/json} with {@code
 * Content-Length: 2}; one without a content type, as the gateways send it, passes unchanged).
 */
class PrismProxyTest {
  static HttpServer upstream;
  static PrismProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    upstream.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          exchange.getRequestBody().readAllBytes();
          if (path.endsWith("/restart")) {
            // As a Kafka Connect worker does: a JSON content type on the 204. Prism then answers
            // Content-Length: 2.
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
          }
          // A status whose tasks are not a list and whose state is outside the enum: two
          // violations. (A missing
          // holistic_state is no longer one: the tolerant reader leaves it optional in responses.)
          byte[] body =
              "{\"status\":{\"name\":\"x\",\"connector\":{\"state\":\"SLEEPING\"},\"tasks\":\"none\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
    Path spec =
        Path.of(
            System.getProperty("connectctl.specs", "../specs"),
            "redpanda",
            "redpanda-connect.yaml");
    proxy = PrismProxy.start(spec, "http://127.0.0.1:" + upstream.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    upstream.stop(0);
  }

  @Test
  void aResponseOffTheSpecIsReported() throws Exception {
    proxy.clearViolations();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            proxy.url()
                                + "/v1/kafka-connect/clusters/redpanda/connectors/x/status"))
                    .header("Authorization", "Bearer t")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(500, r.statusCode(), r.body());
    List<String> violations = proxy.violations();
    assertTrue(
        violations.stream().anyMatch(v -> v.contains("tasks") && v.contains("type")),
        violations::toString);
    assertTrue(violations.stream().anyMatch(v -> v.contains("enum")), violations::toString);
  }

  @Test
  void aRequestOffTheSpecIsReported() throws Exception {
    proxy.clearViolations();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            proxy.url()
                                + "/v1/kafka-connect/clusters/redpanda/connectors/x/restart"))
                    .header("Authorization", "Bearer t")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"include_tasks\":\"yes\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(422, r.statusCode(), r.body());
    assertTrue(
        proxy.violations().stream().anyMatch(v -> v.contains("include_tasks")),
        proxy.violations()::toString);
  }

  @Test
  void a204ReachesOkHttpWithoutABody() throws Exception {
    proxy.clearViolations();
    try (Response r =
        new OkHttpClient()
            .newCall(
                new Request.Builder()
                    .url(proxy.url() + "/v1/kafka-connect/clusters/redpanda/connectors/x/restart")
                    .header("Authorization", "Bearer t")
                    .post(
                        RequestBody.create(
                            "{\"include_tasks\":true,\"only_failed\":false}",
                            okhttp3.MediaType.get("application/json")))
                    .build())
            .execute()) {
      assertEquals(204, r.code());
      assertEquals("", r.body().string());
    }
    assertEquals(List.of(), proxy.violations());
  }
}
