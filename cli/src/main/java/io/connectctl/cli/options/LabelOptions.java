package io.connectctl.cli.options;

import io.connectctl.cli.CliException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --label k=v}, repeatable. */
public final class LabelOptions {
  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label (repeatable).")
  List<String> labels = new ArrayList<>();

  /** Whether any label was given. */
  public boolean given() {
    return !labels.isEmpty();
  }

  /** The labels (exit 2 for a malformed or repeated one). */
  public Map<String, String> map() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String spec : labels) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage("Invalid value for --label: '" + spec + "' (expected KEY=VALUE)");
      }
      String key = spec.substring(0, eq).trim();
      if (out.put(key, spec.substring(eq + 1)) != null) {
        throw CliException.usage("--label " + key + " is given twice");
      }
    }
    return out;
  }
}
