package io.connectctl.cli.move;

import io.connectctl.cli.CliException;
import io.connectctl.cli.YamlInput;
import io.connectctl.facade.move.ConfigDialects;
import io.connectctl.facade.move.DialectMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads dialect mapping files ({@code --mapping FILE}) and the built-in one: {@code mappings:
 * [{class, typed | toClass, keys: {FLAT_KEY: OTHER_KEY}}]}.
 */
public final class MappingFiles {
  private static final String BUILT_IN = "default-mappings.yaml";
  private static final Set<String> FIELDS = Set.of("class", "typed", "toClass", "keys");

  private MappingFiles() {}

  /** The translator: the files' mappings in the order given, then the built-in ones. */
  public static ConfigDialects translator(List<Path> files) {
    List<DialectMapping> all = new ArrayList<>();
    for (Path file : files) {
      String text = YamlInput.readFile(file, "mapping file");
      all.addAll(parse(file.toString(), text));
    }
    all.addAll(builtIn());
    return new ConfigDialects(all);
  }

  /** The mappings connectctl ships. */
  public static List<DialectMapping> builtIn() {
    try (InputStream in = MappingFiles.class.getResourceAsStream(BUILT_IN)) {
      return parse(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one file's text; every problem names the file and the entry (exit 2). */
  public static List<DialectMapping> parse(String where, String text) {
    Object root = YamlInput.loadFile(text, false, "Mapping file " + where, "YAML");
    if (!(root instanceof Map<?, ?> doc) || !(doc.get("mappings") instanceof List<?> list)) {
      throw CliException.usage("Mapping file " + where + " must hold 'mappings': a list");
    }
    List<DialectMapping> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "Mapping file " + where + ", mappings[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> entry)) {
        throw CliException.usage(at + ": must be a mapping");
      }
      for (Object key : entry.keySet()) {
        if (!FIELDS.contains(String.valueOf(key))) {
          throw CliException.usage(
              at + ": unknown key '" + key + "' (allowed: class, typed, toClass, keys)");
        }
      }
      if (!(entry.get("class") instanceof String cls) || cls.isBlank()) {
        throw CliException.usage(at + ": 'class' (the flat connector.class) is required");
      }
      String typed = entry.get("typed") == null ? "" : String.valueOf(entry.get("typed"));
      String toClass = entry.get("toClass") == null ? "" : String.valueOf(entry.get("toClass"));
      if (typed.isEmpty() == toClass.isEmpty()) {
        throw CliException.usage(at + ": give exactly one of 'typed' and 'toClass'");
      }
      Map<String, String> keys = new LinkedHashMap<>();
      Object rawKeys = entry.get("keys");
      if (rawKeys != null && !(rawKeys instanceof Map<?, ?>)) {
        throw CliException.usage(at + ": 'keys' must map flat keys to the other side's keys");
      }
      if (rawKeys instanceof Map<?, ?> map) {
        map.forEach((k, v) -> keys.put(String.valueOf(k), String.valueOf(v)));
      }
      out.add(new DialectMapping(cls, toClass, typed, keys));
    }
    return out;
  }
}
