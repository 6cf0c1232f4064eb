package io.connectctl.facade.move;

import io.connectctl.facade.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns a connector config as one vendor reads it into the config another vendor takes. */
@FunctionalInterface
public interface ConfigTranslator {
  /**
   * The result of one translation.
   *
   * @param config the config for the target
   * @param untranslated the source keys no translation is known for (reported, never dropped
   *     silently: they are either carried as they are or named here)
   * @param notes sentences for the plan (which mapping was used, what was renamed)
   */
  record Translation(Map<String, String> config, List<String> untranslated, List<String> notes) {
    /** Copies. */
    public Translation {
      config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
      untranslated = List.copyOf(untranslated);
      notes = List.copyOf(notes);
    }
  }

  /** Translates {@code config} read from {@code from} into what {@code to} takes. */
  Translation translate(Vendor from, Vendor to, Map<String, String> config);

  /**
   * The config as it is, without its {@code name} key (the connector's name is given apart): right
   * for two vendors that both take flat Kafka Connect configs.
   */
  static ConfigTranslator identity() {
    return (from, to, config) -> {
      Map<String, String> out = new LinkedHashMap<>(Objects.requireNonNull(config));
      out.remove("name");
      return new Translation(out, List.of(), List.of());
    };
  }
}
