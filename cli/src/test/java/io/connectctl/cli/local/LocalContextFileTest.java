package io.connectctl.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The {@code local} context is written without disturbing the rest of the config file. */
class LocalContextFileTest {
  private static final String URL = "http://127.0.0.1:40123";

  @TempDir Path dir;

  @Test
  void createsTheFileWithTheContextAsCurrent() throws IOException {
    Path file = dir.resolve("sub/config.yaml");
    assertTrue(new LocalContextFile(file).write(URL));
    assertEquals(
        "current-context: local\ncontexts:\n  local:\n    vendor: kafka-connect\n    url: "
            + URL
            + "\n",
        Files.readString(file));
  }

  @Test
  void addsTheContextKeepingCommentsOtherContextsAndTheCurrentOne() throws IOException {
    String original =
        """
        # my contexts
        current-context: rp
        contexts:
          rp:
            vendor: redpanda   # the prod one
            url: https://api-1.example.com

          # confluent next
          cf:
            vendor: confluent
            environment: env-1
            cluster: lkc-1
        # trailing comment
        """;
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, original);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertFalse(new LocalContextFile(file).write(URL), "current-context stays rp");
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String text = Files.readString(file);
    assertEquals(
        original.replace(
            "    cluster: lkc-1\n",
            "    cluster: lkc-1\n  local:\n    vendor: kafka-connect\n    url: " + URL + "\n"),
        text);
  }

  @Test
  void replacesAnEarlierLocalContextInPlace() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        current-context: local
        contexts:
            local:
                vendor: kafka-connect
                url: http://127.0.0.1:1111
            other:
                vendor: redpanda
                url: https://x.example.com
        """);
    new LocalContextFile(file).write(URL);
    assertEquals(
        """
        current-context: local
        contexts:
            local:
                vendor: kafka-connect
                url: http://127.0.0.1:40123
            other:
                vendor: redpanda
                url: https://x.example.com
        """,
        Files.readString(file));
  }

  @Test
  @SuppressWarnings("unchecked")
  void flowStyleContextsAreRewrittenFromTheParsedFile() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file, "current-context: rp\ncontexts: {rp: {vendor: redpanda, url: 'https://x'}}\n");
    new LocalContextFile(file).write(URL);
    Map<String, Object> root = new Yaml().load(Files.readString(file));
    Map<String, Object> contexts = (Map<String, Object>) root.get("contexts");
    assertEquals(Map.of("vendor", "redpanda", "url", "https://x"), contexts.get("rp"));
    assertEquals(Map.of("vendor", "kafka-connect", "url", URL), contexts.get("local"));
    assertEquals("rp", root.get("current-context"));
  }

  @Test
  void refusesToOverwriteTheUsersOwnLocalContext() throws IOException {
    Path file = dir.resolve("config.yaml");
    String original = "contexts:\n  local:\n    vendor: redpanda\n    url: https://x\n";
    Files.writeString(file, original);
    CliException e = assertThrows(CliException.class, () -> new LocalContextFile(file).check());
    assertEquals(2, e.exitCode());
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("'local'"),
        e.getMessage());
    assertEquals(original, Files.readString(file));
  }

  @Test
  void invalidYamlIsReportedAndLeftAlone() throws IOException {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, "contexts: [\n");
    CliException e = assertThrows(CliException.class, () -> new LocalContextFile(file).write(URL));
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    assertEquals("contexts: [\n", Files.readString(file));
  }
}
