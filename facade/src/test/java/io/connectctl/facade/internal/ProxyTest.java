package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.OAuth2ClientCredentials;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.testing.TestProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} through a vendor client's public
 * builder, against a real forwarding proxy ({@link TestProxy}) on loopback.
 */
class ProxyTest {
  private MockWebServer vendor;
  private MockWebServer tokens;
  private TestProxy proxy;

  @BeforeEach
  void start() throws IOException {
    vendor = new MockWebServer();
    vendor.start();
    tokens = new MockWebServer();
    tokens.start();
    proxy = new TestProxy();
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    vendor.shutdown();
    tokens.shutdown();
  }

  private static MockResponse topics() {
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody("{\"topics\":[\"orders\"]}");
  }

  /**
   * A host that is not loopback to the client (loopback always bypasses the proxy) but leads to
   * {@code server}: the proxy connects {@code .test} names to loopback, and so does {@link
   * #testDns()} for direct connections.
   */
  private static String url(MockWebServer server, String host, String path) {
    return "http://" + host + ".vendor.test:" + server.getPort() + path;
  }

  /**
   * A caller-supplied client whose DNS maps {@code *.test} to loopback (and that chooses no proxy
   * itself).
   */
  private static OkHttpClient testDns() {
    return new OkHttpClient.Builder()
        .dns(
            host -> {
              if (host.endsWith(".test")) {
                return List.of(InetAddress.getLoopbackAddress());
              }
              return Dns.SYSTEM.lookup(host);
            })
        .build();
  }

  @Test
  void requestsAndTokenCallsGoThroughHttpProxy() throws Exception {
    vendor.enqueue(topics());
    tokens.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    var credentials =
        OAuth2ClientCredentials.builder()
            .clientId("id-1")
            .clientSecret("secret-1")
            .tokenUrl(url(tokens, "auth", "/oauth/token"))
            .allowInsecureHttp(true)
            .build();
    try (var client =
        RedpandaConnectorClient.builder()
            .baseUrl(url(vendor, "api", ""))
            .credentials(credentials)
            .proxyEnvironment(Map.of("HTTP_PROXY", proxy.url()))
            .allowInsecureHttp(true)
            .build()) {
      assertEquals(List.of("orders"), client.topics("orders-sink"));
    }
    RecordedRequest token = tokens.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest api = vendor.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("Bearer tok-1", api.getHeader("Authorization"));
    List<String> lines = proxy.requestLines();
    assertTrue(
        lines.contains("POST " + url(tokens, "auth", "/oauth/token") + " HTTP/1.1"),
        lines::toString);
    assertTrue(
        lines.contains("GET " + url(vendor, "api", api.getPath()) + " HTTP/1.1"), lines::toString);
    assertEquals("/oauth/token", token.getPath());
  }

  @Test
  void noProxyReachesTheHostDirectly() throws Exception {
    vendor.enqueue(topics());
    try (var client =
        RedpandaConnectorClient.builder()
            .baseUrl(url(vendor, "api", ""))
            .credentials(StaticCredentials.bearer("t-1"))
            .proxyEnvironment(
                Map.of("http_proxy", proxy.url(), "NO_PROXY", "example.com, .vendor.test:8080"))
            .allowInsecureHttp(true)
            .okHttpClient(testDns())
            .build()) {
      assertEquals(List.of("orders"), client.topics("orders-sink"));
    }
    assertEquals(1, vendor.getRequestCount());
    assertEquals(List.of(), proxy.requestLines());
  }

  @Test
  void loopbackIsAlwaysReachedDirectly() {
    vendor.enqueue(topics());
    try (var client =
        RedpandaConnectorClient.builder()
            .baseUrl("http://localhost:" + vendor.getPort())
            .credentials(StaticCredentials.bearer("t-1"))
            .proxyEnvironment(Map.of("HTTP_PROXY", proxy.url()))
            .build()) {
      assertEquals(List.of("orders"), client.topics("orders-sink"));
    }
    assertEquals(List.of(), proxy.requestLines());
  }

  @Test
  void httpsUrlsAreTunnelledThroughHttpsProxy() {
    try (var client =
        RedpandaConnectorClient.builder()
            .baseUrl("https://api.vendor.invalid")
            .credentials(StaticCredentials.bearer("t-1"))
            .retryPolicy(RetryPolicy.none())
            .proxyEnvironment(
                Map.of("HTTPS_PROXY", proxy.url(), "HTTP_PROXY", "http://127.0.0.1:1"))
            .build()) {
      // the proxy cannot reach the made-up host and answers 502: the failure proves the route went
      // through it
      ConnectCloudException e =
          assertThrows(ConnectCloudException.class, () -> client.topics("orders-sink"));
      assertInstanceOf(IOException.class, e.getCause());
    }
    assertEquals(List.of("CONNECT api.vendor.invalid:443 HTTP/1.1"), proxy.requestLines());
  }

  @Test
  void noProxyRules() {
    ProxyEnvironment proxies =
        ProxyEnvironment.from(
                Map.of(
                    "HTTPS_PROXY",
                    "proxy:3128",
                    "NO_PROXY",
                    "corp.example, .internal,10.0.0.1:8443"))
            .orElseThrow();
    assertTrue(proxies.bypassed("corp.example"));
    assertTrue(proxies.bypassed("api.corp.example"));
    assertTrue(proxies.bypassed("a.internal"));
    assertTrue(proxies.bypassed("10.0.0.1"));
    assertFalse(proxies.bypassed("notcorp.example"));
    assertFalse(proxies.bypassed("api.confluent.cloud"));
    assertTrue(
        ProxyEnvironment.from(Map.of("HTTPS_PROXY", "proxy:3128", "no_proxy", "*"))
            .orElseThrow()
            .bypassed("anything"));
    assertTrue(
        ProxyEnvironment.from(Map.of("NO_PROXY", "x")).isEmpty(), "no proxy variable, no selector");
  }
}
