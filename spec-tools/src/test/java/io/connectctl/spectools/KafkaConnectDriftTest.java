package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect drift report of this repository: specs/kafka-connect against the document
 * generated from the pinned connect-runtime's annotated JAX-RS resources.
 */
class KafkaConnectDriftTest {
  private static final Path REPO =
      Path.of(System.getProperty("connectctl.specs", "../specs")).toAbsolutePath().getParent();

  @Test
  void reportComparesWithThePinnedConnectRuntimeAndListsTheKnownDeviations() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        DriftCommand.run(
            new String[] {"--repo", REPO.toString(), "--vendor", "kafka-connect"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, report + err);
    assertTrue(report.contains("vs connect-runtime 4.1.1 (generated) (jaxrs)"), report);
    assertFalse(report.contains("skipped"), report);
    assertTrue(report.contains("28 in ours, 28 in the vendor's, 28 in both"), report);

    String drift = report.substring(report.indexOf("-- drift"), report.indexOf("-- deliberate"));
    String deliberate = report.substring(report.indexOf("-- deliberate"));
    // What Kafka 4.1 has and the spec does not (plugin versions, KIP-1088): real drift, shown as
    // such.
    assertEquals(
        List.of(
            "-- drift (1)",
            "parameter-added  GET /connector-plugins/{}/config  query:version  (vendor: string)"),
        drift.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
        report);
    assertTrue(
        deliberate.contains("parameter-gone  GET /connectors  query:expand")
            && deliberate.contains("reads ?expand=status|info from the request's UriInfo"),
        report);
    assertTrue(
        deliberate.contains("parameter-added  PUT /connector-plugins/{}/config/validate"), report);
    assertTrue(deliberate.contains("response-field-gone  POST /connectors  name"), report);
    assertTrue(deliberate.contains("request-field-required  POST /connectors  config"), report);
    assertFalse(report.contains("matched nothing"), report);
  }

  @Test
  void aPinThatIsNotTheJarOnTheClassPathIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JaxRsSource.generate(
                    List.of("org.apache.kafka.connect.runtime.rest.resources.RootResource"),
                    "connect-runtime",
                    "3.3.0"));
    assertTrue(e.getMessage().contains("pins version 3.3.0"), e.getMessage());
    assertTrue(e.getMessage().contains("has 4.1.1"), e.getMessage());
  }
}
