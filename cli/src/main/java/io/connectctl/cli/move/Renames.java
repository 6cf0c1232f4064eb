package io.connectctl.cli.move;

import io.connectctl.cli.CliException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --rename OLD=NEW} values: which connector gets which name on the other side. */
public final class Renames {
  private Renames() {}

  /**
   * Parses the values.
   *
   * @throws CliException (exit 2) naming a value that is not {@code OLD=NEW} or renames one name
   *     twice
   */
  public static Map<String, String> parse(List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      if (eq <= 0 || eq == value.length() - 1) {
        throw CliException.usage("Invalid value for --rename: '" + value + "' (expected OLD=NEW)");
      }
      String old = value.substring(0, eq);
      if (out.put(old, value.substring(eq + 1)) != null) {
        throw CliException.usage("Invalid value for --rename: '" + old + "' is renamed twice");
      }
    }
    return out;
  }
}
