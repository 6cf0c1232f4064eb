package io.connectctl.facade.move;

import io.connectctl.facade.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Translates connector configs between the flat Kafka Connect dialect and typed configs (a vendor
 * whose {@link io.connectctl.facade.VendorRules#typedConfigs()} says so), and renames classes and
 * keys between flat vendors, through {@link DialectMapping}s (the first that fits wins).
 *
 * <ul>
 *   <li>flat to typed: {@code connector.class} picks the mapping; mapped keys go to their typed
 *       paths; every other key is carried as {@code properties.<key>} and reported as untranslated.
 *   <li>typed to flat: the mapping is the one whose typed section the config has; {@code
 *       properties.<key>} becomes {@code key}; mapped paths go back to their flat keys; any other
 *       key is reported as untranslated and left out.
 *   <li>flat to flat: a mapping with {@code toClass} renames the class and its keys (either way);
 *       without one the config goes as it is.
 * </ul>
 *
 * A config no mapping fits, between dialects, is refused with {@link IllegalArgumentException}.
 */
public final class ConfigDialects implements ConfigTranslator {
  private static final String PROPERTIES = "properties.";
  private static final String CLASS = "connector.class";

  private final List<DialectMapping> mappings;

  /** A translator over {@code mappings}, tried in order. */
  public ConfigDialects(List<DialectMapping> mappings) {
    this.mappings = List.copyOf(mappings);
  }

  /** The mappings, in the order they are tried. */
  public List<DialectMapping> mappings() {
    return mappings;
  }

  @Override
  public Translation translate(Vendor from, Vendor to, Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    Map<String, String> in = new LinkedHashMap<>(config);
    in.remove("name");
    boolean typedFrom = from.rules().typedConfigs();
    boolean typedTo = to.rules().typedConfigs();
    if (typedFrom == typedTo) {
      return typedFrom ? new Translation(in, List.of(), List.of()) : flatToFlat(in);
    }
    return typedTo ? flatToTyped(in, to) : typedToFlat(in, from);
  }

  private Translation flatToFlat(Map<String, String> in) {
    String cls = in.getOrDefault(CLASS, "");
    for (DialectMapping m : mappings) {
      if (m.toClass().isEmpty()) {
        continue;
      }
      boolean forward = m.connectorClass().equals(cls);
      if (forward || m.toClass().equals(cls)) {
        Map<String, String> keys = forward ? m.keys() : inverse(m.keys());
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(keys.getOrDefault(k, k), v));
        out.put(CLASS, forward ? m.toClass() : m.connectorClass());
        return new Translation(
            out, List.of(), List.of("class " + cls + " becomes " + out.get(CLASS)));
      }
    }
    return new Translation(in, List.of(), List.of());
  }

  private Translation flatToTyped(Map<String, String> in, Vendor to) {
    String cls = in.getOrDefault(CLASS, "");
    for (DialectMapping m : mappings) {
      if (m.typed().isEmpty() || !m.connectorClass().equals(cls)) {
        continue;
      }
      Map<String, String> out = new LinkedHashMap<>();
      List<String> untranslated = new ArrayList<>();
      in.forEach(
          (k, v) -> {
            if (k.equals(CLASS)) {
              return;
            }
            String path = m.keys().get(k);
            if (path != null) {
              out.put(path, v);
            } else {
              out.put(PROPERTIES + k, v);
              untranslated.add(k);
            }
          });
      List<String> notes = new ArrayList<>();
      notes.add(cls + " becomes " + to.id() + " " + m.typed());
      if (!untranslated.isEmpty()) {
        notes.add("keys without a typed field are carried under properties.: " + untranslated);
      }
      return new Translation(out, untranslated, notes);
    }
    throw new IllegalArgumentException(
        "no mapping translates connector.class "
            + (cls.isEmpty() ? "(none)" : cls)
            + " into "
            + to.id()
            + "'s typed configs (add one with a mapping file)");
  }

  private Translation typedToFlat(Map<String, String> in, Vendor from) {
    for (DialectMapping m : mappings) {
      if (m.typed().isEmpty()
          || in.keySet().stream().noneMatch(k -> k.startsWith(m.typed() + "."))) {
        continue;
      }
      Map<String, String> back = inverse(m.keys());
      Map<String, String> out = new LinkedHashMap<>();
      out.put(CLASS, m.connectorClass());
      List<String> untranslated = new ArrayList<>();
      in.forEach(
          (k, v) -> {
            if (back.containsKey(k)) {
              out.put(back.get(k), v);
            } else if (k.startsWith(PROPERTIES)) {
              out.put(k.substring(PROPERTIES.length()), v);
            } else {
              untranslated.add(k);
            }
          });
      List<String> notes = new ArrayList<>();
      notes.add(from.id() + " " + m.typed() + " becomes " + m.connectorClass());
      if (!untranslated.isEmpty()) {
        notes.add("left out, no flat key is known for: " + untranslated);
      }
      return new Translation(out, untranslated, notes);
    }
    throw new IllegalArgumentException(
        "no mapping translates this "
            + from.id()
            + " typed config (keys "
            + in.keySet()
            + ") into a flat Kafka Connect config (add one with a mapping file)");
  }

  private static Map<String, String> inverse(Map<String, String> keys) {
    Map<String, String> out = new LinkedHashMap<>();
    keys.forEach((k, v) -> out.put(v, k));
    return out;
  }
}
