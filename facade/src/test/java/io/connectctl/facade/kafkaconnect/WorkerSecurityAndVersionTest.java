package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.testing.TestPki;
import io.connectctl.facade.testing.TestPki.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka-connect client's security settings and worker-version checks, against a small worker
 * stand-in on loopback: HTTPS with a private CA made here, client certificates required (mutual
 * TLS), each kind of credentials, and a worker that reports Kafka 3.4.
 */
class WorkerSecurityAndVersionTest {
  private static final String STATUS =
      "{\"name\":\"s\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"},"
          + "\"tasks\":[],\"type\":\"source\"}";

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final List<String> clientSubjects = Collections.synchronizedList(new ArrayList<>());
  private String version = "4.1.1";

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    if (exchange instanceof HttpsExchange https) {
      try {
        clientSubjects.add(
            ((X509Certificate) https.getSSLSession().getPeerCertificates()[0])
                .getSubjectX500Principal()
                .getName());
      } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
        clientSubjects.add("");
      }
    }
    String path = exchange.getRequestURI().getPath();
    String body =
        path.equals("/")
            ? "{\"version\":\"" + version + "\",\"commit\":\"c\",\"kafka_cluster_id\":\"k\"}"
            : path.endsWith("/status") ? STATUS : "{}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String plainServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void credentialsNoneBasicAndBearer() throws Exception {
    String url = plainServer();
    try (var none =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .credentials(StaticCredentials.none())
            .build()) {
      none.status("s");
    }
    try (var basic =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .credentials(StaticCredentials.basicUser("admin", "s3cret"))
            .build()) {
      basic.status("s");
    }
    try (var bearer =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .credentials(StaticCredentials.bearer("tok-123"))
            .build()) {
      bearer.status("s");
    }
    assertEquals(
        List.of(
            "null",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)),
            "Bearer tok-123"),
        authorizations);
  }

  /**
   * Issue 21: a worker reached by a host name the client does not treat as loopback (resolved to
   * the loopback stand-in through OkHttp's DNS hook): plain http without credentials works, with
   * credentials it is refused before anything is sent unless {@code allowInsecureHttp(true)}.
   */
  @Test
  void plainHttpToANamedHostNeedsTheOptInOnlyWithCredentials() throws Exception {
    int port = java.net.URI.create(plainServer()).getPort();
    String url = "http://connect-0.example.internal:" + port;
    okhttp3.OkHttpClient viaDns =
        new okhttp3.OkHttpClient.Builder()
            .dns(
                host -> {
                  assertEquals("connect-0.example.internal", host);
                  return List.of(InetAddress.getLoopbackAddress());
                })
            .build();
    try (var none =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .okHttpClient(viaDns)
            .credentials(StaticCredentials.none())
            .build()) {
      none.status("s");
    }
    assertEquals(List.of("null"), authorizations, "no credentials, one request");

    ConfigurationException refused =
        assertThrows(
            ConfigurationException.class,
            () ->
                KafkaConnectConnectorClient.builder()
                    .url(url)
                    .okHttpClient(viaDns)
                    .credentials(StaticCredentials.basicUser("admin", "s3cret"))
                    .build());
    assertEquals("url", refused.setting());
    assertTrue(
        refused.getMessage().contains("plain http:// to connect-0.example.internal")
            && refused.getMessage().contains("allowInsecureHttp"),
        refused.getMessage());
    assertEquals(1, requests.size(), "nothing sent for the refused client");

    try (var allowed =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .okHttpClient(viaDns)
            .credentials(StaticCredentials.bearer("tok-123"))
            .allowInsecureHttp(true)
            .build()) {
      allowed.status("s");
    }
    assertEquals(List.of("null", "Bearer tok-123"), authorizations);
  }

  @Test
  void anOldWorkerIsToldWhichVersionIsNeededAndNothingIsSent() throws Exception {
    version = "3.4.1";
    String url = plainServer();
    try (var client =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .credentials(StaticCredentials.none())
            .build()) {
      UnsupportedCapabilityException stop =
          assertThrows(UnsupportedCapabilityException.class, () -> client.stop("s"));
      assertEquals(Capability.STOP, stop.capability());
      assertTrue(
          stop.getMessage().contains("3.5") && stop.getMessage().contains("3.4.1"),
          stop.getMessage());
      UnsupportedCapabilityException offsets =
          assertThrows(UnsupportedCapabilityException.class, () -> client.offsets("s"));
      assertTrue(offsets.getMessage().contains("3.5"), offsets.getMessage());
      UnsupportedCapabilityException reset =
          assertThrows(UnsupportedCapabilityException.class, () -> client.resetOffsets("s"));
      assertTrue(reset.getMessage().contains("3.6"), reset.getMessage());
      UnsupportedCapabilityException paused =
          assertThrows(
              UnsupportedCapabilityException.class,
              () ->
                  client.create(
                      new ConnectorDefinition("s", Map.of("connector.class", "X")),
                      ConnectorState.PAUSED));
      assertTrue(paused.getMessage().contains("3.7"), paused.getMessage());
      client.status("s"); // what 3.4 has still works
    }
    assertEquals(
        List.of("GET /", "GET /connectors/s/status"), requests, "only the version was read, once");
  }

  // ---- TLS
  // ---------------------------------------------------------------------------------------------------

  private String httpsServer(Issued ca, Issued serverCert) {
    HttpsServer https = TestPki.httpsServer(ca, serverCert, ca, this::handle);
    server = https;
    return TestPki.url(https);
  }

  @Test
  void privateCaAndClientCertificate() throws Exception {
    Issued ca = TestPki.ca("connectctl test CA");
    Issued serverCert = TestPki.leaf("worker", ca);
    Issued clientCert = TestPki.leaf("connectctl-client", ca);
    Path caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    Path certFile = clientCert.writeCertificate(dir.resolve("client.pem"));
    Path keyFile = clientCert.writeKey(dir.resolve("client-key.pem"));
    String url = httpsServer(ca, serverCert);
    RetryPolicy once = RetryPolicy.none();

    try (var client =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .caFile(caFile)
            .clientCertificate(certFile, keyFile)
            .credentials(StaticCredentials.bearer("t"))
            .build()) {
      assertEquals(ConnectorState.RUNNING, client.status("s").state());
    }
    assertEquals(List.of("CN=connectctl-client"), clientSubjects);

    // without the client certificate the server refuses the handshake
    try (var noCert =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .caFile(caFile)
            .retryPolicy(once)
            .credentials(StaticCredentials.none())
            .build()) {
      assertThrows(NetworkException.class, () -> noCert.status("s"));
    }
    // without the private CA the server is not trusted
    try (var noCa =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .clientCertificate(certFile, keyFile)
            .retryPolicy(once)
            .credentials(StaticCredentials.none())
            .build()) {
      NetworkException e = assertThrows(NetworkException.class, () -> noCa.status("s"));
      assertTrue(
          e.getMessage().toLowerCase().contains("certif") || e.getMessage().contains("PKIX"),
          e.getMessage());
    }
    // a truststore instead of a PEM bundle
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca.certificate());
    Path storeFile = dir.resolve("trust.p12");
    try (var out = Files.newOutputStream(storeFile)) {
      store.store(out, "changeit".toCharArray());
    }
    try (var client =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .trustStore(storeFile, "changeit")
            .clientCertificate(certFile, keyFile)
            .credentials(StaticCredentials.none())
            .build()) {
      assertEquals("s", client.status("s").name());
    }
  }

  @Test
  void unusableTlsFilesAreNamed() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
    ConfigurationException ca =
        assertThrows(
            ConfigurationException.class,
            () ->
                KafkaConnectConnectorClient.builder()
                    .url("https://127.0.0.1:1")
                    .caFile(notPem)
                    .build());
    assertEquals("caFile", ca.setting());
    assertTrue(ca.getMessage().contains(notPem.toString()), ca.getMessage());
    ConfigurationException missing =
        assertThrows(
            ConfigurationException.class,
            () ->
                KafkaConnectConnectorClient.builder()
                    .url("https://127.0.0.1:1")
                    .clientCertificate(dir.resolve("nope.pem"), dir.resolve("nope-key.pem"))
                    .build());
    assertEquals("certFile", missing.setting());
    assertFalse(missing.getMessage().isEmpty());
  }
}
