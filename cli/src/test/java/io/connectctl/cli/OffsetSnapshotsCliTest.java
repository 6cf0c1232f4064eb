package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code offsets export|import} refuse before sending on vendors without an offsets API, and bad
 * input exits 2 naming what is wrong. (Real snapshots are in {@code
 * MovingConnectorsRealClustersTest}.)
 */
class OffsetSnapshotsCliTest extends FakeCliTest {
  @Test
  void vendorsWithoutOffsetsRefuseBeforeAnythingIsSent() throws Exception {
    CliRun export = cli("offsets", "export", "yc-mirror", "--context", "yc");
    assertExit(1, export);
    assertOneErrorLine(export, "yandex does not support offsets");
    Path file = home.resolve("snap.yaml");
    Files.writeString(file, "version: 1\nconnectors: []\n");
    CliRun imported = cli("offsets", "import", "-f", file.toString(), "--context", "yc");
    assertExit(1, imported);
    assertTrue(imported.err().contains("yandex does not support"), imported::toString);
    assertTrue(fakes.get("yc").mutations.isEmpty(), () -> "" + fakes.get("yc").mutations);
    assertFalse(credentials.containsKey("yc"), "no client for an unsupported operation");
  }

  @Test
  void badInputExitsTwoNamingIt() throws Exception {
    CliRun none =
        cli("offsets", "export", "--vendor", "kafka-connect", "--url", "http://127.0.0.1:9");
    assertExit(2, none);
    assertTrue(none.err().contains("--all"), none::toString);
    Path file = home.resolve("bad.yaml");
    Files.writeString(file, "connectors: [{name: a}]\n");
    CliRun bad =
        cli(
            "offsets",
            "import",
            "-f",
            file.toString(),
            "--vendor",
            "kafka-connect",
            "--url",
            "http://127.0.0.1:9");
    assertExit(2, bad);
    assertTrue(
        bad.err().contains("connectors[0]") && bad.err().contains("'vendor'"), bad::toString);
    CliRun rename =
        cli(
            "offsets",
            "import",
            "-f",
            file.toString(),
            "--rename",
            "x",
            "--vendor",
            "kafka-connect",
            "--url",
            "http://127.0.0.1:9");
    assertExit(2, rename);
    assertTrue(
        rename.err().contains("--rename") && rename.err().contains("OLD=NEW"), rename::toString);
  }
}
