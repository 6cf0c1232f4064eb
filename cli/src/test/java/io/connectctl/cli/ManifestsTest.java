package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
  @TempDir Path dir;

  @Test
  void valuesStayTextAndNestedMapsFlatten() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("a.yaml"),
            """
        name: m
        config:
          tasks.max: 01
          enabled: yes
          ratio: 1.50
          properties: {x: y}
          target: {thisCluster: {}}
        """);
    Manifest m = Manifests.read(List.of(file)).get(0);
    assertEquals(
        Map.of(
            "tasks.max",
            "01",
            "enabled",
            "yes",
            "ratio",
            "1.50",
            "properties.x",
            "y",
            "target.thisCluster",
            "{}"),
        m.config());
  }

  @Test
  void multipleDocumentsAndLists() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("a.yaml"),
            "name: one\nconfig: {a: b}\n---\n- {name: two, config: {a: b}}\n- {name: three, config: {a: b}}\n");
    assertEquals(
        List.of("one", "two", "three"),
        Manifests.read(List.of(file)).stream().map(Manifest::name).toList());
  }

  @Test
  void emptyDirectoryIsBadInput() {
    CliException e = assertThrows(CliException.class, () -> Manifests.read(List.of(dir)));
    assertEquals(ExitCode.USAGE, e.exitCode());
  }

  @Test
  void configFileFlatOrDocument() throws IOException {
    Path flat = Files.writeString(dir.resolve("flat.json"), "{\"a\": 1, \"b\": {\"c\": true}}");
    assertEquals(Map.of("a", "1", "b.c", "true"), Manifests.readConfig(flat, "x"));
    Path doc = Files.writeString(dir.resolve("doc.yaml"), "name: x\nconfig: {a: 1}\n");
    assertEquals(Map.of("a", "1"), Manifests.readConfig(doc, "x"));
  }
}
