package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate} between dialects over fake clients: flat MirrorMaker 2 to Yandex's typed config
 * and back as {@code --dry-run} shows it (no write sent), keys without a translation reported,
 * offsets that cannot be carried refused without {@code --without-offsets}, and {@code --mapping}
 * renames.
 */
class MigrateDialectsCliTest extends FakeCliTest {
  private static final String MM2 = "org.apache.kafka.connect.mirror.MirrorSourceConnector";

  @BeforeEach
  void kafkaConnectContext() throws Exception {
    Files.writeString(
        configFile,
        "  kc:\n    vendor: kafka-connect\n    url: http://127.0.0.1:9\n",
        StandardOpenOption.APPEND);
    Map<String, String> flat = new LinkedHashMap<>();
    flat.put("connector.class", MM2);
    flat.put("name", "mm");
    flat.put("tasks.max", "2");
    flat.put("topics", "orders.*");
    flat.put("source.cluster.alias", "source");
    flat.put("source.cluster.bootstrap.servers", "kafka-a:9092");
    flat.put("target.cluster.alias", "target");
    flat.put("target.cluster.bootstrap.servers", "kafka-b:9092");
    flat.put("sync.topics.config.enabled", "true");
    fakes.put(
        "kc",
        FakeConnectorClient.of(Vendor.KAFKA_CONNECT).with("mm", ConnectorState.RUNNING, flat));
    Map<String, String> typed = new LinkedHashMap<>();
    typed.put("tasksMax", "3");
    typed.put("connectorConfigMirrormaker.topics", "events.*");
    typed.put("connectorConfigMirrormaker.sourceCluster.alias", "src");
    typed.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers", "ext:9091");
    typed.put("connectorConfigMirrormaker.targetCluster.alias", "dst");
    typed.put("connectorConfigMirrormaker.targetCluster.thisCluster", "{}");
    typed.put("properties.refresh.topics.interval.seconds", "60");
    fakes.get("yc").with("yc-mm", ConnectorState.RUNNING, typed);
  }

  private void assertNoWrites() {
    fakes.forEach((context, fake) -> assertEquals(List.of(), fake.mutations, context));
  }

  @Test
  void flatMirrorMakerToYandexTypedAsDryRunShows() {
    CliRun blocked = cli("migrate", "mm", "--from", "kc", "--to", "yc", "--dry-run");
    assertExit(2, blocked);
    assertTrue(blocked.out().contains("offsets: cannot be carried"), blocked::toString);
    assertTrue(blocked.err().contains("--without-offsets"), blocked::toString);

    CliRun dry =
        cli("migrate", "mm", "--from", "kc", "--to", "yc", "--dry-run", "--without-offsets");
    assertExit(0, dry);
    String out = dry.out();
    assertTrue(out.contains("connectorConfigMirrormaker.topics: orders.*"), out);
    assertTrue(out.contains("tasksMax: 2"), out);
    assertTrue(
        out.contains(
            "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers: kafka-a:9092"),
        out);
    assertTrue(out.contains("properties.sync.topics.config.enabled: true"), out);
    assertTrue(out.contains("keys without a known translation: sync.topics.config.enabled"), out);
    assertTrue(!out.contains("connector.class"), out);
    assertNoWrites();
  }

  @Test
  void yandexTypedToFlatMirrorMakerReportsWhatHasNoFlatKey() {
    CliRun dry =
        cli(
            "migrate",
            "yc-mm",
            "--from",
            "yc",
            "--to",
            "kc",
            "--dry-run",
            "--without-offsets",
            "-o",
            "json");
    assertExit(0, dry);
    Map<String, Object> plan = dry.jsonArray().get(0);
    @SuppressWarnings("unchecked")
    Map<String, String> config = (Map<String, String>) plan.get("config");
    assertEquals(MM2, config.get("connector.class"));
    assertEquals("events.*", config.get("topics"));
    assertEquals("3", config.get("tasks.max"));
    assertEquals("ext:9091", config.get("source.cluster.bootstrap.servers"));
    assertEquals("60", config.get("refresh.topics.interval.seconds"));
    assertEquals(
        List.of("connectorConfigMirrormaker.targetCluster.thisCluster"), plan.get("untranslated"));
    assertEquals("not-possible", plan.get("offsets"));
    assertNoWrites();
  }

  @Test
  void aMigrationRunsWithTheTranslatedConfig() {
    CliRun run = cli("migrate", "mm", "--from", "kc", "--to", "yc", "--without-offsets");
    assertExit(0, run);
    assertTrue(fakes.get("kc").mutations.contains("stop mm"), fakes.get("kc").mutations::toString);
    assertTrue(
        fakes.get("yc").mutations.stream()
            .anyMatch(
                m -> m.startsWith("create mm") && m.contains("connectorConfigMirrormaker.topics")),
        fakes.get("yc").mutations::toString);
  }

  @Test
  void aMappingFileRenamesClassesAndKeys() throws Exception {
    Path mapping = home.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        "mappings:\n  - class: io.example.Sink\n    toClass: com.example.Sink\n"
            + "    keys: {topics: topic.names}\n");
    CliRun dry =
        cli(
            "migrate",
            "orders-sink",
            "--from",
            "rp",
            "--to",
            "kc",
            "--dry-run",
            "--without-offsets",
            "--mapping",
            mapping.toString());
    assertExit(0, dry);
    assertTrue(dry.out().contains("connector.class: com.example.Sink"), dry::toString);
    assertTrue(dry.out().contains("topic.names: orders"), dry::toString);
    assertNoWrites();
    Files.writeString(mapping, "mappings:\n  - class: x\n    keys: {a: b}\n");
    CliRun bad =
        cli(
            "migrate",
            "orders-sink",
            "--from",
            "rp",
            "--to",
            "kc",
            "--dry-run",
            "--mapping",
            mapping.toString());
    assertExit(2, bad);
    assertTrue(bad.err().contains("mappings[0]") && bad.err().contains("typed"), bad::toString);
  }
}
