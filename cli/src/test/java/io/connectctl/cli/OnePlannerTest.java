package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code validate}, {@code apply --dry-run}, {@code diff} and {@code apply} route each document to
 * the context it names and refuse, before sending, the same configs: a CI gate built on any of them
 * never passes a file {@code apply} refuses.
 */
class OnePlannerTest extends FakeCliTest {
  /** A Yandex MirrorMaker connector with a misspelt typed key ({@code topicz}). */
  private static final String YANDEX_TYPO =
      """
      name: %s
      context: yc
      config:
        tasksMax: "3"
        connectorConfigMirrormaker.topicz: orders.*
        connectorConfigMirrormaker.replicationFactor: "3"
        connectorConfigMirrormaker.sourceCluster.alias: source
        connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers: kafka-1:9091
        connectorConfigMirrormaker.targetCluster.alias: target
        connectorConfigMirrormaker.targetCluster.thisCluster: "{}"
      """;

  @BeforeEach
  void addKafkaConnectContext() throws IOException {
    Files.writeString(
        configFile,
        CONFIG + "  kc:\n    vendor: kafka-connect\n    url: https://connect.example.com:8083\n");
    fakes.put(
        "kc",
        FakeConnectorClient.of(Vendor.KAFKA_CONNECT)
            .with("kc-sink", ConnectorState.RUNNING, Map.of("connector.class", "io.example.Sink")));
  }

  private Path file(String name, String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve("files"));
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void validateSendsEachDocumentToTheContextItNames() throws IOException {
    file("a.yaml", "name: to-confluent\ncontext: cf\nconfig: {connector.class: io.example.A}\n");
    file("b.yaml", "name: to-worker\ncontext: kc\nconfig: {connector.class: io.example.B}\n");
    // the current context (rp) has no validate endpoint: it must not be asked
    CliRun run = cli("validate", "-f", home.resolve("files").toString());
    assertExit(0, run);
    assertEquals(
        List.of("to-confluent {connector.class=io.example.A}"),
        fakes.get("cf").validated,
        run::toString);
    assertEquals(
        List.of("to-worker {connector.class=io.example.B}"),
        fakes.get("kc").validated,
        run::toString);
    assertTrue(run.out().contains("to-confluent [cf]: valid (io.example.A)"), run::toString);
    assertTrue(run.out().contains("to-worker [kc]: valid (io.example.B)"), run::toString);

    CliRun json = cli("validate", "-f", home.resolve("files").toString(), "-o", "json");
    assertExit(0, json);
    List<Map<String, Object>> views = json.jsonArray();
    assertEquals("cf", views.get(0).get("context"), json::toString);
    assertEquals("confluent", views.get(0).get("vendor"), json::toString);
    assertEquals("kc", views.get(1).get("context"), json::toString);
    assertEquals("kafka-connect", views.get(1).get("vendor"), json::toString);
  }

  @Test
  void validateLimitedByContextSkipsTheOtherContextsLikeApply() throws IOException {
    file("a.yaml", "name: to-confluent\ncontext: cf\nconfig: {connector.class: io.example.A}\n");
    file("b.yaml", "name: to-worker\ncontext: kc\nconfig: {connector.class: io.example.B}\n");
    CliRun run = cli("validate", "-f", home.resolve("files").toString(), "--context", "kc");
    assertExit(0, run);
    assertTrue(fakes.get("cf").validated.isEmpty(), run::toString);
    assertEquals(1, fakes.get("kc").validated.size(), run::toString);
    assertTrue(run.err().contains("skipped 1 connector of context cf"), run::toString);
  }

  @Test
  void validateResolvesReferencesAndRefusesWhatApplyRefuses() throws IOException {
    env.put("SINK_PASSWORD", "pw-from-env");
    Path ok =
        file(
            "ok.yaml",
            "name: to-worker\ncontext: kc\nconfig:\n  connector.class: io.example.B\n"
                + "  db.password: ${connectctl:env:SINK_PASSWORD}\n");
    CliRun run = cli("validate", "-f", ok.toString());
    assertExit(0, run);
    assertEquals(
        List.of("to-worker {connector.class=io.example.B, db.password=pw-from-env}"),
        fakes.get("kc").validated);
    assertNoSecrets(run);
    assertTrue(!run.out().contains("pw-from-env") && !run.err().contains("pw-from-env"));

    Path missing =
        file(
            "ok.yaml",
            "name: to-worker\ncontext: kc\nconfig:\n  connector.class: io.example.B\n"
                + "  db.password: ${connectctl:env:NOT_SET_ANYWHERE}\n");
    CliRun refused = cli("validate", "-f", missing.toString());
    assertExit(2, refused);
    assertTrue(refused.err().contains("NOT_SET_ANYWHERE"), refused::toString);
    assertEquals(1, fakes.get("kc").validated.size(), "the refused config is not sent");
    CliRun apply = cli("apply", "-f", missing.toString(), "--dry-run");
    assertExit(2, apply);
  }

  @Test
  void yandexUnknownKeyFailsDryRunDiffValidateAndApplyAlike() throws IOException {
    Path create = file("mm.yaml", YANDEX_TYPO.formatted("replicate-orders"));
    for (List<String> command :
        List.of(
            List.of("apply", "--dry-run"),
            List.of("diff"),
            List.of("apply"),
            List.of("apply", "--dry-run", "-o", "json"),
            List.of("diff", "-o", "json"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("-f", create.toString()));
      CliRun run = cli(args.toArray(String[]::new));
      assertExit(2, run);
      assertTrue(
          run.err().contains("connectorConfigMirrormaker.topicz")
              && run.err().contains("replicate-orders"),
          () -> command + ":\n" + run);
    }
    assertTrue(fakes.get("yc").mutations.isEmpty(), () -> "" + fakes.get("yc").mutations);

    // an existing connector updated with the typo: refused the same way
    Path update = file("mm.yaml", YANDEX_TYPO.formatted("yc-mirror"));
    for (String command : List.of("diff", "apply")) {
      CliRun run =
          command.equals("diff")
              ? cli("diff", "-f", update.toString())
              : cli("apply", "--dry-run", "-f", update.toString());
      assertExit(2, run);
      assertTrue(run.err().contains("connectorConfigMirrormaker.topicz"), run::toString);
    }
    assertTrue(fakes.get("yc").mutations.isEmpty());
  }

  @Test
  void aValidYandexFileStillPlans() throws IOException {
    Path fine =
        file("mm.yaml", YANDEX_TYPO.formatted("replicate-orders").replace(".topicz:", ".topics:"));
    CliRun dry = cli("apply", "--dry-run", "-f", fine.toString());
    assertExit(0, dry);
    assertTrue(dry.out().contains("connector/replicate-orders created (dry run)"), dry::toString);
    CliRun diff = cli("diff", "-f", fine.toString());
    assertExit(1, diff);
  }
}
