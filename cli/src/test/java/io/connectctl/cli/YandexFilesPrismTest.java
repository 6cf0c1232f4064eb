package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's {@code apply -f} files for the three Yandex connector types, against Prism serving
 * the Yandex spec: each file applies as it is ({@code unchanged} against the spec's example of that
 * type, the write-only secrets in it not compared), and {@code config get NAME -o yaml} output
 * applies back {@code unchanged}. S3 and Iceberg sinks are checked here because the local Yandex
 * gateway refuses them (no such plugin runs locally); MirrorMaker also round-trips through the
 * gateway over a real worker ({@code gateways} module, {@code YandexFilesGatewayTest}).
 */
class YandexFilesPrismTest extends PrismCliTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.YANDEX);

  YandexFilesPrismTest() {
    super(PRISM, PrismContext.YANDEX);
  }

  /** The README's fenced YAML block whose first line is {@code # FILE…}. */
  static String readmeFile(String file) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```yaml\n# " + file);
    assertTrue(start >= 0, "README.md has no ```yaml block starting with '# " + file + "'");
    int body = start + "```yaml\n".length();
    return readme.substring(body, readme.indexOf("```", body));
  }

  @ParameterizedTest
  @CsvSource({
    "yandex-mirrormaker.yaml, replicate-orders, running, connectorConfigMirrormaker.sourceCluster.alias",
    "yandex-s3-sink.yaml, orders-to-s3, s3-sink-running, connectorConfigS3Sink.s3Connection.bucketName",
    "yandex-iceberg-sink.yaml, events-to-iceberg, iceberg-sink-running, connectorConfigIcebergSink.controlTopic"
  })
  void readmeFileAppliesAndConfigGetAppliesBackUnchanged(
      String file, String name, String example, String typedKey) throws IOException {
    prefer("GET", "/connectors/" + name + "$", "example=" + example);
    String text = readmeFile(file);
    assertTrue(text.contains("name: " + name + "\n"), text);

    CliRun fromReadme = cli("apply", "-f", file(file, text).toString(), "-o", "json");
    assertExit(0, fromReadme);
    assertEquals("unchanged", fromReadme.jsonArray().get(0).get("action"), fromReadme::toString);

    CliRun get = cli("config", "get", name, "-o", "yaml");
    assertExit(0, get);
    assertTrue(get.out().contains(typedKey), get::toString);
    CliRun back = cli("apply", "-f", file("back-" + file, get.out()).toString());
    assertExit(0, back);
    assertTrue(back.out().contains(name) && back.out().contains("unchanged"), back::toString);
    CliRun backJson = cli("apply", "-f", home.resolve("back-" + file).toString(), "-o", "json");
    assertExit(0, backJson);
    assertEquals("unchanged", backJson.jsonArray().get(0).get("action"), backJson::toString);
    assertEquals(List.of(), backJson.jsonArray().get(0).get("changes"), backJson::toString);
  }

  @Test
  void aFileWrittenForAnotherVendorIsRefusedBeforeAnythingIsSent() throws IOException {
    Path file =
        file("other.yaml", "name: orders-to-s3\nvendor: redpanda\nconfig:\n  topics: orders\n");
    CliRun run = cli("apply", "-f", file.toString());
    assertExit(2, run);
    assertOneErrorLine(
        run, file.toString(), "orders-to-s3", "vendor 'redpanda'", "context 'mock' is yandex");
    assertFalse(run.out().contains("unchanged"), run::toString);
  }
}
