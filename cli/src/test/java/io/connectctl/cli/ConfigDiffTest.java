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
    ConfigDiff diff = ConfigDiff.between(Vendor.REDPANDA, "c", Map.of("a", "1", "b", "2", "name", "c"),
        Map.of("b", "3", "c", "4"));
    assertEquals(List.of("- a = 1", "~ b: 2 -> 3", "+ c = 4"), lines(diff));
  }

  @Test
  void theNameKeyKafkaConnectAddsIsNoChange() {
    assertTrue(ConfigDiff.between(Vendor.CONFLUENT, "c", Map.of("name", "c", "x", "1"), Map.of("x", "1")).isEmpty());
    assertEquals(List.of("- name = other"),
        lines(ConfigDiff.between(Vendor.CONFLUENT, "c", Map.of("name", "other"), Map.of())));
  }

  @Test
  void maskedServerValuesAreNoChange() {
    assertTrue(ConfigDiff.between(Vendor.CONFLUENT, "c", Map.of("kafka.api.secret", "****"),
        Map.of("kafka.api.secret", "real")).isEmpty());
  }

  @Test
  void yandexWriteOnlySecretsAreNoChangeButOtherVendorsAddThem() {
    assertTrue(ConfigDiff.between(Vendor.YANDEX, "c", Map.of(), Map.of("x.saslPassword", "p")).isEmpty());
    assertEquals(List.of("+ x.saslPassword = " + Redaction.REDACTED),
        lines(ConfigDiff.between(Vendor.REDPANDA, "c", Map.of(), Map.of("x.saslPassword", "p"))));
  }

  @Test
  void secretsAreMaskedUnlessShown() {
    ConfigDiff diff = ConfigDiff.between(Vendor.REDPANDA, "c", Map.of("db.password", "old"), Map.of("db.password", "new"));
    assertEquals("~ db.password: " + Redaction.REDACTED + " -> " + Redaction.REDACTED, diff.changes().get(0).line(false));
    assertEquals("~ db.password: old -> new", diff.changes().get(0).line(true));
    assertEquals(Map.of("key", "db.password", "op", "change", "from", Redaction.REDACTED, "to", Redaction.REDACTED),
        diff.changes().get(0).view(false));
  }

  @Test
  void creationListsEveryKey() {
    assertEquals(List.of("+ a = 1", "+ b.password = " + Redaction.REDACTED),
        lines(ConfigDiff.creation(Map.of("b.password", "x", "a", "1"))));
  }
}
