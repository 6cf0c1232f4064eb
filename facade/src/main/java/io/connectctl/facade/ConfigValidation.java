package io.connectctl.facade;

import java.util.List;
import java.util.Objects;

/**
 * What a plugin said about a config checked against it ({@link ConnectorClient#validate}); nothing
 * was created.
 *
 * @param plugin the plugin the config was checked against, as the vendor named it
 * @param errorCount how many errors the vendor counted
 * @param groups the config groups the plugin defines, in its order
 * @param fields every key the plugin knows, with the value checked and its errors
 */
public record ConfigValidation(
    String plugin, int errorCount, List<String> groups, List<Field> fields) {
  /** Copies. */
  public ConfigValidation {
    plugin = Objects.requireNonNullElse(plugin, "");
    groups = Immutable.list(groups);
    fields = Immutable.list(fields);
  }

  /** The fields with at least one error, in the plugin's order. */
  public List<Field> errors() {
    return fields.stream().filter(f -> !f.errors().isEmpty()).toList();
  }

  /** Whether the config is acceptable. */
  public boolean valid() {
    return errorCount == 0 && errors().isEmpty();
  }

  /**
   * One config key.
   *
   * @param name the key
   * @param value the value checked, empty when absent (password values are never echoed)
   * @param required whether the plugin needs it
   * @param documentation what the key means, empty if the plugin says nothing
   * @param errors what is wrong with the value, empty when nothing
   */
  public record Field(
      String name, String value, boolean required, String documentation, List<String> errors) {
    /** Copies. */
    public Field {
      Objects.requireNonNull(name, "name");
      value = Objects.requireNonNullElse(value, "");
      documentation = Objects.requireNonNullElse(documentation, "");
      errors = Immutable.list(errors);
    }
  }
}
