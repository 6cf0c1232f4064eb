package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.apply.ConfigDiff;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  private static List<String> lines(ConfigDiff diff) {
    return diff.changes().stream().map(c -> c.line(false)).toList();
  }

  @Test
  void addsRemovesAndChangesSortedByKey() {
    ConfigDiff diff =
        ConfigDiff.between(
            Vendor.REDPANDA,
            "c",
            Map.of("a", "1", "b", "2", "name", "c"),
            Map.of("b", "3", "c", "4"),
            List.of("a"));
    assertEquals(List.of("- a = 1", "~ b: 2 -> 3", "+ c = 4"), lines(diff));
  }

  @Test
  void theNameKeyKafkaConnectAddsIsNoChange() {
    assertTrue(
        ConfigDiff.between(Vendor.CONFLUENT, "c", Map.of("name", "c", "x", "1"), Map.of("x", "1"))
            .isEmpty());
    assertTrue(
        ConfigDiff.between(Vendor.CONFLUENT, "c", Map.of("name", "other"), Map.of()).isEmpty());
  }

  /** Issue 8, item 4: what the server adds by itself is not the file's business. */
  @Test
  void keysOnlyTheServerHasAreNoChange() {
    Map<String, String> stored =
        Map.of(
            "connector.class",
            "S3Sink",
            "topics",
            "orders",
            "topics.regex",
            "",
            "errors.tolerance",
            "none",
            "name",
            "c");
    assertTrue(
        ConfigDiff.between(
                Vendor.REDPANDA,
                "c",
                stored,
                Map.of("connector.class", "S3Sink", "topics", "orders"))
            .isEmpty());
  }

  @Test
  void aDroppedKeyIsRemovedOnlyWhenTheServerHasIt() {
    Map<String, String> stored = Map.of("topics", "orders", "transforms", "mask");
    assertEquals(
        List.of("- transforms = mask"),
        lines(
            ConfigDiff.between(
                Vendor.CONFLUENT,
                "c",
                stored,
                Map.of("topics", "orders"),
                List.of("transforms", "absent.key"))));
  }

  @Test
  void maskedServerValuesAreNoChange() {
    assertTrue(
        ConfigDiff.between(
                Vendor.CONFLUENT,
                "c",
                Map.of("kafka.api.secret", "****"),
                Map.of("kafka.api.secret", "real"))
            .isEmpty());
  }

  @Test
  void yandexWriteOnlySecretsAreNoChangeButOtherVendorsAddThem() {
    assertTrue(
        ConfigDiff.between(Vendor.YANDEX, "c", Map.of(), Map.of("x.saslPassword", "p")).isEmpty());
    assertEquals(
        List.of("+ x.saslPassword = " + Redaction.REDACTED),
        lines(ConfigDiff.between(Vendor.REDPANDA, "c", Map.of(), Map.of("x.saslPassword", "p"))));
  }

  @Test
  void secretsAreMaskedUnlessShown() {
    ConfigDiff diff =
        ConfigDiff.between(
            Vendor.REDPANDA, "c", Map.of("db.password", "old"), Map.of("db.password", "new"));
    assertEquals(
        "~ db.password: " + Redaction.REDACTED + " -> " + Redaction.REDACTED,
        diff.changes().get(0).line(false));
    assertEquals("~ db.password: old -> new", diff.changes().get(0).line(true));
    assertEquals(
        Map.of(
            "key",
            "db.password",
            "op",
            "change",
            "from",
            Redaction.REDACTED,
            "to",
            Redaction.REDACTED),
        diff.changes().get(0).view(false));
  }

  @Test
  void creationListsEveryKey() {
    assertEquals(
        List.of("+ a = 1", "+ b.password = " + Redaction.REDACTED),
        lines(ConfigDiff.creation(Map.of("b.password", "x", "a", "1"))));
  }
}
