package io.connectctl.cli.apply;

import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The difference between a connector's current config and a file's, counting only the keys the file
 * manages.
 *
 * <ul>
 *   <li>A key under the file's {@code config} is managed: it is added when the server lacks it and
 *       changed when the server's value differs.
 *   <li>A key only the server has is not a change: servers add defaults of their own (Redpanda a
 *       {@code topics.regex} placeholder to a sink created without topics, Kafka Connect the {@code
 *       name}, Confluent its cloud settings), so counting them would make every apply an update
 *       that changes nothing.
 *   <li>A key listed under the file's {@code drop} is removed when the server has it: the explicit
 *       way to take a setting away.
 *   <li>A value the server hides (Confluent sends {@code ****}; Yandex never returns write-only
 *       secrets) cannot be compared, so it never counts as a change on its own; when something else
 *       changed, the desired value is sent with the rest.
 * </ul>
 *
 * @param changes the differences, by key
 */
public record ConfigDiff(List<Change> changes) {
  /** What the vendors send instead of a secret value. */

  /** Copies. */
  public ConfigDiff {
    changes = List.copyOf(changes);
  }

  /** How a key differs. */
  public enum Op {
    /** Only in the desired config. */
    ADD,
    /** Only in the current config. */
    REMOVE,
    /** In both, with different values. */
    CHANGE
  }

  /**
   * One difference.
   *
   * @param key the config key
   * @param op how it differs
   * @param from the current value, empty for {@link Op#ADD}
   * @param to the desired value, empty for {@link Op#REMOVE}
   */
  public record Change(String key, Op op, String from, String to) {
    /** Validates. */
    public Change {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(op, "op");
      from = Objects.requireNonNullElse(from, "");
      to = Objects.requireNonNullElse(to, "");
    }

    /**
     * One line for people: {@code + key = v}, {@code - key = v} or {@code ~ key: a -> b}, secrets
     * masked.
     */
    public String line(boolean showSecrets) {
      return switch (op) {
        case ADD -> "+ " + key + " = " + shown(to, showSecrets);
        case REMOVE -> "- " + key + " = " + shown(from, showSecrets);
        case CHANGE ->
            "~ " + key + ": " + shown(from, showSecrets) + " -> " + shown(to, showSecrets);
      };
    }

    /** {@code {key, op, from, to}} for JSON/YAML, secrets masked. */
    public Map<String, Object> view(boolean showSecrets) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("key", key);
      view.put("op", op.name().toLowerCase());
      if (op != Op.ADD) {
        view.put("from", shown(from, showSecrets));
      }
      if (op != Op.REMOVE) {
        view.put("to", shown(to, showSecrets));
      }
      return view;
    }

    private String shown(String value, boolean showSecrets) {
      return showSecrets ? value : Redaction.redactValue(key, value);
    }
  }

  /**
   * The difference for a file without a {@code drop} list.
   *
   * @param vendor the vendor (its write-only keys are never returned)
   * @param name the connector name
   * @param current the config the server has
   * @param desired the config wanted
   */
  public static ConfigDiff between(
      Vendor vendor, String name, Map<String, String> current, Map<String, String> desired) {
    return between(vendor, name, current, desired, List.of());
  }

  /**
   * @param vendor the vendor (its write-only keys are never returned)
   * @param name the connector name
   * @param current the config the server has
   * @param desired the config wanted: the keys the file manages
   * @param drop keys to remove when the server has them
   */
  public static ConfigDiff between(
      Vendor vendor,
      String name,
      Map<String, String> current,
      Map<String, String> desired,
      List<String> drop) {
    List<Change> changes = new ArrayList<>();
    for (String key : new TreeSet<>(desired.keySet())) {
      String want = desired.get(key);
      String have = current.get(key);
      if (have == null) {
        boolean writeOnly = vendor.rules().isWriteOnlyConfigKey(key);
        if (!writeOnly) {
          changes.add(new Change(key, Op.ADD, "", want));
        }
      } else if (!have.equals(want) && !Redaction.isMasked(have)) {
        changes.add(new Change(key, Op.CHANGE, have, want));
      }
    }
    for (String key : new TreeSet<>(drop)) {
      if (current.containsKey(key) && !desired.containsKey(key)) {
        changes.add(new Change(key, Op.REMOVE, current.get(key), ""));
      }
    }
    changes.sort(java.util.Comparator.comparing(Change::key));
    return new ConfigDiff(changes);
  }

  /** Every desired key as an addition: the plan for a connector that does not exist yet. */
  public static ConfigDiff creation(Map<String, String> desired) {
    return new ConfigDiff(
        new TreeSet<>(desired.keySet())
            .stream().map(key -> new Change(key, Op.ADD, "", desired.get(key))).toList());
  }

  /** Whether the configs agree. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
