package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.testing.TestPki;
import io.connectctl.facade.testing.TestPki.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of TLS failure against a real HTTPS server made here reads as what is wrong and which
 * setting fixes it, with none of the JDK's internals: an untrusted server certificate (naming the
 * CA file, or the JVM's default trust store), a certificate for another host name, an expired or
 * not yet valid one, a client certificate missing or refused, and key files that are unreadable or
 * PKCS#1 (which is read).
 */
class TlsFailuresTest {
  @TempDir Path dir;

  private final Issued ca = TestPki.ca("connectctl test CA");
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    byte[] bytes =
        "{\"name\":\"s\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w:8083\"},\"tasks\":[],\"type\":\"source\"}"
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A server presenting {@code certificate}; requiring client certificates of the CA if asked. */
  private String serve(Issued certificate, boolean clientCertificates) {
    server =
        TestPki.httpsServer(
            ca, certificate, clientCertificates ? ca : null, TlsFailuresTest::handle);
    return TestPki.url(server);
  }

  private KafkaConnectConnectorClient.Builder client(String url) {
    return KafkaConnectConnectorClient.builder()
        .baseUrl(url)
        .retryPolicy(RetryPolicy.none())
        .credentials(StaticCredentials.none());
  }

  private static String failure(KafkaConnectConnectorClient.Builder builder) {
    try (var client = builder.build()) {
      ConnectCloudException e =
          assertThrows(NetworkException.class, () -> client.status("s"), "the call must fail");
      String message = e.getMessage();
      assertFalse(message.contains("sun.security"), message);
      assertFalse(message.contains("Exception"), message);
      assertFalse(message.contains("PKIX"), message);
      assertFalse(message.contains("\n"), message);
      return message;
    }
  }

  @Test
  void anUntrustedServerCertificateNamesTheCaFileOrTheDefaultTrustStore() {
    String url = serve(TestPki.leaf("worker", ca), false);
    Path otherCa = TestPki.ca("some other CA").writeCertificate(dir.resolve("other-ca.pem"));

    String withFile = failure(client(url).caFile(otherCa));
    assertTrue(withFile.contains("is not trusted"), withFile);
    assertTrue(withFile.contains("no CA in caFile " + otherCa + " signed it"), withFile);
    assertTrue(withFile.contains("issued by CN=connectctl test CA"), withFile);
    assertTrue(withFile.contains("127.0.0.1"), withFile);

    String jvm = failure(client(url));
    assertTrue(jvm.contains("no CA in the JVM's default trust store signed it"), jvm);
    assertTrue(jvm.contains("set caFile to the CA that signed it"), jvm);
  }

  @Test
  void aCertificateForAnotherHostName() {
    Issued other =
        TestPki.issue(
            "worker.example.com", ca, false, TestPki.validNow(), List.of("worker.example.com"));
    String url = serve(other, false);
    String message = failure(client(url).caFile(ca.writeCertificate(dir.resolve("ca.pem"))));
    assertTrue(message.contains("certificate is for another host name"), message);
    assertTrue(message.contains("127.0.0.1 is not among its names [worker.example.com]"), message);
  }

  @Test
  void anExpiredAndANotYetValidCertificate() {
    Path caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    Instant now = Instant.now();
    Issued expired =
        TestPki.issue(
            "worker",
            ca,
            false,
            new Instant[] {now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))},
            List.of("127.0.0.1"));
    String message = failure(client(serve(expired, false)).caFile(caFile));
    assertTrue(message.contains("the server's certificate has expired"), message);
    stop();

    Issued future =
        TestPki.issue(
            "worker",
            ca,
            false,
            new Instant[] {now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))},
            List.of("127.0.0.1"));
    String notYet = failure(client(serve(future, false)).caFile(caFile));
    assertTrue(notYet.contains("the server's certificate is not valid yet"), notYet);
  }

  @Test
  void aClientCertificateRequiredOrRefused() {
    Path caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    String url = serve(TestPki.leaf("worker", ca), true);

    String none = failure(client(url).caFile(caFile));
    assertTrue(none.contains("the server requires a client certificate"), none);
    assertTrue(none.contains("none is set: set certFile and keyFile"), none);

    Issued stranger = TestPki.leaf("stranger", TestPki.ca("unknown CA"));
    Path cert = stranger.writeCertificate(dir.resolve("stranger.pem"));
    Path key = stranger.writeKey(dir.resolve("stranger-key.pem"));
    String refused = failure(client(url).caFile(caFile).clientCertificate(cert, key));
    assertTrue(
        refused.contains("the server refused the client certificate in certFile " + cert), refused);
  }

  @Test
  void aPkcs1KeyIsReadAndUnreadableKeysAreNamed() throws Exception {
    Path caFile = ca.writeCertificate(dir.resolve("ca.pem"));
    String url = serve(TestPki.leaf("worker", ca), true);
    Issued client = TestPki.leaf("connectctl-client", ca);
    Path cert = client.writeCertificate(dir.resolve("client.pem"));
    Path rsaKey = client.writeRsaKey(dir.resolve("client-rsa-key.pem"));
    assertTrue(Files.readString(rsaKey).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    try (var c = client(url).caFile(caFile).clientCertificate(cert, rsaKey).build()) {
      assertEquals("s", c.status("s").name());
    }

    Path encrypted =
        Files.writeString(
            dir.resolve("encrypted.pem"),
            TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> client(url).caFile(caFile).clientCertificate(cert, encrypted).build());
    assertEquals("keyFile", e.setting());
    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());

    Path missing = dir.resolve("missing-key.pem");
    ConfigurationException gone =
        assertThrows(
            ConfigurationException.class,
            () -> client(url).caFile(caFile).clientCertificate(cert, missing).build());
    assertEquals("keyFile", gone.setting());
    assertTrue(
        gone.getMessage().contains("keyFile " + missing + " does not exist"), gone.getMessage());
  }
}
