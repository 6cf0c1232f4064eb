package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code apply} and {@code config set} over fake clients. */
class ApplyCommandTest extends FakeCliTest {

  private Path file(String name, String text) throws IOException {
    Path file = home.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void dryRunShowsTheDiffWithSecretsMaskedAndChangesNothing() throws IOException {
    Path f =
        file(
            "c.yaml",
            """
        - name: orders-sink
          config:
            connector.class: io.example.Sink
            topics: orders,refunds
            database.password: new-password
        - name: fresh
          config: {connector.class: io.example.Sink, tasks.max: 2}
        """);
    CliRun run = cli("apply", "-f", f.toString(), "--dry-run");
    assertExit(0, run);
    assertEquals(
        List.of(
            "connector/orders-sink configured (dry run)",
            "  ~ database.password: " + Redaction.REDACTED + " -> " + Redaction.REDACTED,
            "  ~ topics: orders -> orders,refunds",
            "connector/fresh created (dry run)",
            "  + connector.class = io.example.Sink",
            "  + tasks.max = 2"),
        run.out().lines().toList());
    assertTrue(fakes.get("rp").mutations.isEmpty());
    assertTrue(!run.out().contains("new-password") && !run.out().contains("hunter22"));
  }

  @Test
  void applyCreatesUpdatesAndSkipsUnchanged() throws IOException {
    Path dir = Files.createDirectories(home.resolve("manifests"));
    Files.writeString(
        dir.resolve("a.yaml"),
        """
        name: orders-sink
        config: {connector.class: io.example.Sink, topics: orders, database.password: hunter22}
        """);
    Files.writeString(
        dir.resolve("b.json"),
        """
        {"name": "fresh", "config": {"connector.class": "io.example.Sink", "tasks.max": 2}}
        """);
    Files.writeString(
        dir.resolve("c.yaml"),
        """
        name: payments
        config: {connector.class: io.example.Sink, topics: payments, database.password: hunter22}
        """);
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    CliRun run = cli("apply", "-f", dir.toString(), "-o", "json");
    assertExit(0, run);
    List<Map<String, Object>> results = run.jsonArray();
    assertEquals(
        List.of("unchanged", "create", "update"),
        results.stream().map(r -> r.get("action")).toList());
    assertEquals(
        List.of(
            "create fresh {connector.class=io.example.Sink, tasks.max=2}",
            "update payments {connector.class=io.example.Sink, database.password=hunter22, topics=payments}"),
        fakes.get("rp").mutations.stream().sorted().toList());
    assertEquals(false, results.get(0).get("dryRun"));
    assertNoSecrets(run);
  }

  @Test
  void maskedServerValuesDoNotMakeADiff() throws IOException {
    fakes
        .get("cf")
        .connectors
        .put(
            "cf-sink",
            new io.connectctl.facade.Connector(
                "cf-sink",
                io.connectctl.facade.ConnectorType.SINK,
                Map.of("name", "cf-sink", "connector.class", "S3_SINK", "kafka.api.secret", "****"),
                null));
    Path f =
        file(
            "cf.yaml",
            "name: cf-sink\nconfig: {connector.class: S3_SINK, kafka.api.secret: real-secret}\n");
    CliRun run = cli("apply", "-f", f.toString(), "--context", "cf");
    assertExit(0, run);
    assertEquals("connector/cf-sink unchanged", run.out().strip());
    assertTrue(fakes.get("cf").mutations.isEmpty());
  }

  @Test
  void badFilesAreRefusedBeforeAnythingIsSent() throws IOException {
    Path good = file("good.yaml", "name: fresh\nconfig: {a: b}\n");
    Path noName = file("bad.yaml", "config: {a: b}\n");
    CliRun run = cli("apply", "-f", good.toString(), "-f", noName.toString());
    assertExit(2, run);
    assertOneErrorLine(run, "bad.yaml", "missing connector 'name'");
    assertTrue(fakes.get("rp").mutations.isEmpty());

    Path listValue = file("list.yaml", "name: x\nconfig: {topics: [a, b]}\n");
    CliRun list = cli("apply", "-f", listValue.toString());
    assertExit(2, list);
    assertOneErrorLine(list, "list.yaml", "connector 'x'", "config key 'topics'");

    Path broken = file("broken.yaml", "name: x\nconfig: {a: [\n");
    CliRun yaml = cli("apply", "-f", broken.toString());
    assertExit(2, yaml);
    assertOneErrorLine(yaml, "broken.yaml", "not valid YAML");

    CliRun absent = cli("apply", "-f", home.resolve("absent.yaml").toString());
    assertExit(2, absent);
    assertOneErrorLine(absent, "absent.yaml", "does not exist");

    Path twice = file("twice.yaml", "- {name: x, config: {a: b}}\n- {name: x, config: {a: c}}\n");
    assertOneErrorLine(cli("apply", "-f", twice.toString()), "connector 'x' is described twice");

    Path extra = file("extra.yaml", "name: x\nconfig: {a: b}\nreplicas: 3\n");
    assertOneErrorLine(cli("apply", "-f", extra.toString()), "unknown key 'replicas'");
  }

  @Test
  void applyWithWait() throws IOException {
    Path f = file("new.yaml", "name: fresh\nconfig: {a: b}\n");
    CliRun run = cli("apply", "-f", f.toString(), "--wait", "--timeout", "1m");
    assertExit(0, run);
    assertEquals(
        "connector/fresh created (now RUNNING)", run.out().lines().findFirst().orElseThrow());
    assertTrue(
        run.err().contains("waiting up to 1m for connector 'fresh' to be RUNNING"), run::toString);
  }

  @Test
  void configSetReplacesTheWholeConfig() throws IOException {
    Path flat = file("flat.yaml", "connector.class: io.example.Sink\ntopics: a\ntasks.max: 01\n");
    CliRun run = cli("config", "set", "orders-sink", "-f", flat.toString());
    assertExit(0, run);
    assertEquals("connector/orders-sink configured", run.out().strip());
    assertEquals(
        List.of("update orders-sink {connector.class=io.example.Sink, tasks.max=01, topics=a}"),
        fakes.get("rp").mutations);

    Path doc = file("doc.yaml", "name: other\nconfig: {a: b}\n");
    CliRun mismatch = cli("config", "set", "orders-sink", "-f", doc.toString());
    assertExit(2, mismatch);
    assertOneErrorLine(mismatch, "describes connector 'other', not 'orders-sink'");

    CliRun notFound = cli("config", "set", "ghost", "-f", flat.toString());
    assertExit(4, notFound);
  }
}
