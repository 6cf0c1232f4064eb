package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: plain {@code http://} to a self-managed worker. The worker stand-in listens on loopback
 * but is reached as {@code connect-0.example.internal}, a name the client does not treat as
 * loopback, resolved through OkHttp's DNS hook: without credentials plain http just works; with
 * credentials it needs {@code --allow-insecure-http} or the context key {@code allow-insecure-http:
 * true}, and the refusal names both.
 */
class PlainHttpTest {
  private static final String HOST = "connect-0.example.internal";

  @TempDir Path home;

  private HttpServer server;
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private String url;
  private VendorClientFactory clients;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://" + HOST + ":" + server.getAddress().getPort();
    OkHttpClient viaDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  if (!host.equals(HOST)) {
                    throw new java.net.UnknownHostException(host);
                  }
                  return List.of(InetAddress.getLoopbackAddress());
                })
            .build();
    clients = new VendorClientFactory(viaDns);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    String path = exchange.getRequestURI().getPath();
    String body =
        path.equals("/")
            ? "{\"version\":\"4.1.1\",\"commit\":\"c\",\"kafka_cluster_id\":\"k\"}"
            : "{}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private CliRun adHoc(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("get", "connectors", "-o", "json"));
    args.addAll(List.of("--vendor", "kafka-connect", "--url", url));
    args.addAll(List.of(extra));
    return CliRun.run(env, home, clients, args.toArray(String[]::new));
  }

  @Test
  void withoutCredentialsPlainHttpToANamedHostWorks() {
    CliRun run = adHoc(Map.of());
    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(authorizations.isEmpty(), "the worker was asked");
    assertTrue(authorizations.stream().allMatch("null"::equals), authorizations::toString);
  }

  @Test
  void withCredentialsItIsRefusedNamingTheKeyAndTheFlagAndNothingIsSent() {
    CliRun run = adHoc(Map.of("KAFKA_CONNECT_TOKEN", "tok-secret-1"));
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("plain http:// to " + HOST), run::toString);
    assertTrue(run.err().contains("allow-insecure-http: true"), run::toString);
    assertTrue(run.err().contains("--allow-insecure-http"), run::toString);
    assertFalse(run.err().contains("tok-secret-1"), "no secret in the message");
    assertFalse(run.err().contains("\tat "), "no stack trace");
    assertTrue(authorizations.isEmpty(), "nothing was sent: " + authorizations);
  }

  @Test
  void withCredentialsTheFlagAllowsIt() {
    CliRun run = adHoc(Map.of("KAFKA_CONNECT_TOKEN", "tok-1"), "--allow-insecure-http");
    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(authorizations.isEmpty());
    assertTrue(authorizations.stream().allMatch("Bearer tok-1"::equals), authorizations::toString);
  }

  @Test
  void withCredentialsTheContextKeyAllowsItAndOnlyForItsContext() throws IOException {
    Path config =
        Files.writeString(
            home.resolve("config.yaml"),
            "contexts:\n"
                + "  allowed:\n"
                + "    vendor: kafka-connect\n"
                + "    url: "
                + url
                + "\n"
                + "    allow-insecure-http: true\n"
                + "    credentials: {env: {token: WORKER_TOKEN}}\n"
                + "  strict:\n"
                + "    vendor: kafka-connect\n"
                + "    url: "
                + url
                + "\n"
                + "    credentials: {env: {token: WORKER_TOKEN}}\n");
    Map<String, String> env = Map.of("WORKER_TOKEN", "tok-2");
    CliRun allowed = getConnectors(env, config, "allowed");
    assertEquals(0, allowed.exitCode(), allowed::toString);
    assertTrue(authorizations.stream().allMatch("Bearer tok-2"::equals), authorizations::toString);
    int sent = authorizations.size();

    CliRun strict = getConnectors(env, config, "strict");
    assertEquals(2, strict.exitCode(), strict::toString);
    assertTrue(strict.err().contains("allow-insecure-http: true"), strict::toString);
    assertEquals(sent, authorizations.size(), "nothing sent for the strict context");
  }

  @Test
  void aValueThatIsNotABooleanIsNamed() throws IOException {
    Path config =
        Files.writeString(
            home.resolve("config.yaml"),
            "contexts:\n  c:\n    vendor: kafka-connect\n    url: "
                + url
                + "\n    allow-insecure-http: yes please\n");
    CliRun run = getConnectors(Map.of(), config, "c");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("allow-insecure-http"), run::toString);
    assertTrue(run.err().contains("true or false"), run::toString);
  }

  /** {@code get connectors} in context {@code context} of {@code config}. */
  private CliRun getConnectors(Map<String, String> env, Path config, String context) {
    return CliRun.run(
        env,
        home,
        clients,
        "get",
        "connectors",
        "--config",
        config.toString(),
        "--context",
        context);
  }
}
