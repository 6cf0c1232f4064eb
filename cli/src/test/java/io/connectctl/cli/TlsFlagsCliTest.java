package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.facade.testing.TestPki;
import io.connectctl.facade.testing.TestPki.Issued;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ca-file}, {@code --cert-file} and {@code --key-file} given ad hoc reach a real HTTPS
 * worker stand-in that requires client certificates, and TLS failures read with the context key and
 * flag that fix them (exit 1, as other connection failures), on the command line and from a
 * context's {@code tls} section.
 */
class TlsFlagsCliTest {
  private static final String LISTING =
      "{\"orders\":{\"status\":{\"name\":\"orders\",\"connector\":{\"state\":\"RUNNING\","
          + "\"worker_id\":\"w:8083\"},\"tasks\":[],\"type\":\"sink\"},\"info\":{\"name\":\"orders\","
          + "\"config\":{\"connector.class\":\"x.Sink\",\"name\":\"orders\"},\"tasks\":[],\"type\":\"sink\"}}}";

  @TempDir Path home;

  private final Issued ca = TestPki.ca("connectctl test CA");
  private final Issued client = TestPki.leaf("connectctl-client", ca);
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body =
        path.equals("/")
            ? "{\"version\":\"4.1.1\",\"commit\":\"c\",\"kafka_cluster_id\":\"k\"}"
            : path.equals("/connectors") ? LISTING : "{}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String serve() {
    server = TestPki.httpsServer(ca, TestPki.leaf("worker", ca), ca, TlsFlagsCliTest::handle);
    return TestPki.url(server);
  }

  private CliRun cli(String... args) {
    return CliRun.run(Map.of(), home, new VendorClientFactory(), args);
  }

  private static List<String> adHoc(String url, String... more) {
    List<String> args =
        new ArrayList<>(List.of("get", "connectors", "--vendor", "kafka-connect", "--url", url));
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void tlsFlagsAdHocAndTheirFailures() {
    String url = serve();
    String caFile = ca.writeCertificate(home.resolve("ca.pem")).toString();
    String certFile = client.writeCertificate(home.resolve("client.pem")).toString();
    String keyFile = client.writeRsaKey(home.resolve("client-key.pem")).toString();

    CliRun ok =
        cli(
            adHoc(url, "--ca-file", caFile, "--cert-file", certFile, "--key-file", keyFile)
                .toArray(String[]::new));
    assertEquals(0, ok.exitCode(), ok::toString);
    assertTrue(ok.out().contains("orders"), ok::toString);

    String otherCa =
        TestPki.ca("some other CA").writeCertificate(home.resolve("other.pem")).toString();
    CliRun untrusted =
        cli(
            adHoc(url, "--ca-file", otherCa, "--cert-file", certFile, "--key-file", keyFile)
                .toArray(String[]::new));
    assertEquals(1, untrusted.exitCode(), untrusted::toString);
    String line = untrusted.err();
    assertTrue(
        line.contains(
            "is not trusted: no CA in tls.ca-file (--ca-file) "
                + otherCa
                + " signed it; set tls.ca-file (--ca-file) to the CA that signed it"),
        line);
    assertClean(line);

    CliRun noCertificate = cli(adHoc(url, "--ca-file", caFile).toArray(String[]::new));
    assertEquals(1, noCertificate.exitCode(), noCertificate::toString);
    assertTrue(
        noCertificate
            .err()
            .contains(
                "the server requires a client certificate and none is set: set tls.cert-file"
                    + " (--cert-file) and tls.key-file (--key-file)"),
        noCertificate::toString);
    assertClean(noCertificate.err());

    CliRun halfPair =
        cli(adHoc(url, "--ca-file", caFile, "--cert-file", certFile).toArray(String[]::new));
    assertEquals(2, halfPair.exitCode(), halfPair::toString);
    assertTrue(halfPair.err().contains("tls.key-file (--key-file)"), halfPair::toString);
  }

  @Test
  void aContextsTlsSectionIsNamedInItsFailures() throws IOException {
    String url = serve();
    Path missingKey = home.resolve("missing-key.pem");
    String certFile = client.writeCertificate(home.resolve("client.pem")).toString();
    Path config = home.resolve(".config/connectctl/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "current-context: w\ncontexts:\n  w:\n    vendor: kafka-connect\n    url: "
            + url
            + "\n    tls: {cert-file: "
            + certFile
            + ", key-file: "
            + missingKey
            + "}\n");
    CliRun run = cli("get", "connectors");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("tls.key-file (--key-file) " + missingKey + " does not exist"),
        run::toString);

    // the untrusted server with the JVM's default trust store: the key that fixes it is named
    Files.writeString(
        config,
        "current-context: w\ncontexts:\n  w:\n    vendor: kafka-connect\n    url: " + url + "\n");
    CliRun jvm = cli("get", "connectors");
    assertEquals(1, jvm.exitCode(), jvm::toString);
    assertTrue(
        jvm.err()
            .contains(
                "no CA in the JVM's default trust store signed it; set tls.ca-file (--ca-file) to"
                    + " the CA that signed it"),
        jvm::toString);
    assertClean(jvm.err());
  }

  @Test
  void theFlagsAreNotKeysOfTheirOwnInTheConfigFile() throws IOException {
    Path config = home.resolve(".config/connectctl/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "current-context: w\ncontexts:\n  w:\n    vendor: kafka-connect\n"
            + "    url: https://127.0.0.1:1\n    ca-file: /ca.pem\n");
    CliRun run = cli("get", "connectors");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("unknown key 'ca-file'"), run::toString);
  }

  private static void assertClean(String err) {
    assertFalse(err.contains("sun.security"), err);
    assertFalse(err.contains("PKIX"), err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
  }
}
