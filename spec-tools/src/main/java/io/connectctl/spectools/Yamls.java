package io.connectctl.spectools;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading YAML/JSON documents and walking them as plain maps and lists. */
final class Yamls {
  private Yamls() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setMaxAliasesForCollections(1000);
    try (Reader reader = Files.newBufferedReader(file)) {
      Object doc = new Yaml(new SafeConstructor(options)).load(reader);
      if (!(doc instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(file + " is not a YAML/JSON object");
      }
      return (Map<String, Object>) doc;
    } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
      throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> ? (List<Object>) node : List.of();
  }

  static String string(Object node) {
    return node == null ? "" : String.valueOf(node);
  }
}
