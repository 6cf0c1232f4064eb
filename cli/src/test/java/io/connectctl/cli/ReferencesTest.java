package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.apply.References;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret references apply resolves, and what export takes for a secret. */
class ReferencesTest {
  @TempDir Path dir;

  @Test
  void resolvesEnvironmentAndFilesAnywhereInAValue() throws IOException {
    Files.writeString(dir.resolve("pw.txt"), "file-secret\n");
    Files.createDirectories(dir.resolve("home"));
    Files.writeString(dir.resolve("home/token"), "home-secret");
    Map<String, String> config = new LinkedHashMap<>();
    config.put("a", "${connectctl:env:A_VAR}");
    config.put("jaas", "user=\"u\" password=\"${connectctl:file:pw.txt}\";");
    config.put("t", "${connectctl:file:~/token}");
    config.put("server", "${secretsManager:orders:key}");
    config.put("provider", "${file:/etc/kc.properties:pw}");
    config.put("missing", "x-${connectctl:env:NOT_SET}");
    References.Resolution r =
        References.resolve(
            config,
            Map.of("A_VAR", "env-secret"),
            dir.resolve("home"),
            dir.resolve("connector.yaml"));
    assertEquals("env-secret", r.config().get("a"));
    assertEquals("user=\"u\" password=\"file-secret\";", r.config().get("jaas"));
    assertEquals("home-secret", r.config().get("t"));
    assertEquals("${secretsManager:orders:key}", r.config().get("server"));
    assertEquals("${file:/etc/kc.properties:pw}", r.config().get("provider"));
    assertEquals("x-${connectctl:env:NOT_SET}", r.config().get("missing"));
    assertEquals(Map.of("missing", "environment variable NOT_SET is not set"), r.unresolved());
  }

  @Test
  void relativeFilesOfStandardInputStartAtTheWorkingDirectory() {
    References.Resolution r =
        References.resolve(
            Map.of("k", "${connectctl:file:no-such-file-here}"), Map.of(), dir, Manifests.STDIN);
    assertTrue(
        r.unresolved().get("k").startsWith("cannot read file no-such-file-here"),
        r.unresolved()::toString);
  }

  @Test
  void whatExportTakesForASecret() {
    assertTrue(References.isSecret("aws.secret.access.key", "abc"));
    assertTrue(References.isSecret("anything", "****"));
    assertTrue(References.isSecret("connection.url", "jdbc:postgresql://app:pw@db:5432/x"));
    assertFalse(References.isSecret("connection.url", "jdbc:postgresql://db:5432/x"));
    assertFalse(References.isSecret("aws.secret.access.key", "${secretsManager:orders:key}"));
    assertFalse(References.isSecret("password", "${connectctl:env:PW}"));
    assertFalse(References.isSecret("topics", "orders"));
    assertFalse(References.isSecret("password", ""));
    assertEquals(
        "${connectctl:env:ORDERS_S3_SINK_AWS_SECRET_ACCESS_KEY}",
        References.envReference("orders-s3-sink", "aws.secret.access.key"));
    assertEquals("_1_SINK_PASSWORD", References.variable("1-sink", "password"));
  }
}
