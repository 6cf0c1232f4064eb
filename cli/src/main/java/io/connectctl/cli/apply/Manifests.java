package io.connectctl.cli.apply;

import io.connectctl.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads connector files for {@code apply -f} and {@code config set -f}: YAML or JSON, each document
 * either one connector {@code {name: …, config: {…}}} or a list of them (several YAML documents
 * separated by {@code ---} work too). An empty mapping is written {@code "{}"}, as the facade
 * flattens Yandex's empty objects. Every value is read as text, exactly as written ({@code
 * tasks.max: 01} stays {@code "01"}, {@code yes} stays {@code "yes"}); nested maps under {@code
 * config} are flattened with dots. For {@code apply}, a connector may also list under {@code drop}
 * the config keys to remove from the connector (see {@link Manifest#drop()}) and under {@code
 * secrets} the secrets it needs (see {@link DeclaredSecrets}). All files are read and checked
 * before anything is sent, and every problem names the file, the connector and the key.
 */
public final class Manifests {
  private static final Set<String> DOCUMENT_KEYS =
      Set.of("name", "config", "drop", "context", "vendor", "secrets");

  private Manifests() {}

  /** The path {@code -}: standard input. */
  public static final Path STDIN = Path.of("-");

  /**
   * The connectors described by {@code paths} (files, or directories whose {@code .yaml}, {@code
   * .yml} and {@code .json} files are read in name order).
   *
   * @throws CliException (exit 2) for a missing file, bad YAML/JSON, a missing name, a bad value or
   *     a name given twice
   */
  public static List<Manifest> read(List<Path> paths) {
    return read(paths, false, InputStream.nullInputStream());
  }

  /**
   * The connectors described by {@code paths}: files, directories (their {@code .yaml}, {@code
   * .yml} and {@code .json} files in name order; with {@code recursive} those of every subdirectory
   * too, hidden ones skipped), or {@code -} for {@code stdin} (at most once). Each document may be
   * a connector, a list of them (a JSON array) or several YAML documents; each connector may name
   * its {@code context} and {@code vendor}.
   *
   * @throws CliException (exit 2) for a missing file, bad YAML/JSON, a missing name, a bad value or
   *     a connector given twice for the same context
   */
  public static List<Manifest> read(List<Path> paths, boolean recursive, InputStream stdin) {
    List<Manifest> all = new ArrayList<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    boolean stdinRead = false;
    for (Path path : paths) {
      List<Path> found;
      if (path.equals(STDIN)) {
        if (stdinRead) {
          throw CliException.usage("-f - (standard input) is given more than once");
        }
        stdinRead = true;
        found = List.of(STDIN);
      } else {
        found = files(path, recursive);
      }
      for (Path file : found) {
        List<Object> documents = file.equals(STDIN) ? parse(STDIN, readStdin(stdin)) : load(file);
        for (Manifest manifest : manifests(file, documents)) {
          String key = manifest.context() + "\u0000" + manifest.name();
          Path earlier = seen.putIfAbsent(key, file);
          if (earlier != null) {
            throw CliException.usage(
                name(file)
                    + ": connector '"
                    + manifest.name()
                    + "' is described twice"
                    + (manifest.context().isEmpty()
                        ? ""
                        : " for context '" + manifest.context() + "'")
                    + (earlier.equals(file)
                        ? " in this file"
                        : " (also in " + name(earlier) + ")"));
          }
          all.add(manifest);
        }
      }
    }
    if (all.isEmpty()) {
      throw CliException.usage("No connectors in " + paths.stream().map(Manifests::name).toList());
    }
    return all;
  }

  /** How a source is named in messages: its path, or "standard input". */
  public static String name(Path source) {
    return source.equals(STDIN) ? "standard input" : source.toString();
  }

  private static String readStdin(InputStream stdin) {
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("Cannot read standard input: " + e.getMessage());
    }
  }

  /**
   * The config in {@code file} for {@code config set NAME}: a flat map, or a document {@code {name,
   * config}} whose name, if given, must be {@code name}.
   */
  public static Map<String, String> readConfig(Path file, String name) {
    return readConfig(file, name, "", "");
  }

  /**
   * As {@link #readConfig(Path, String)}; a {@code context} or {@code vendor} the document names
   * (as {@code config get -o yaml} prints them) must be {@code context} and {@code vendor} (when
   * these are not empty).
   */
  public static Map<String, String> readConfig(
      Path file, String name, String context, String vendor) {
    List<Object> documents = load(file);
    if (documents.size() != 1 || !(documents.get(0) instanceof Map<?, ?> map)) {
      throw CliException.usage(
          file + ": expected one YAML/JSON mapping (the config, or {name, config})");
    }
    if (map.get("config") instanceof Map<?, ?>) {
      Manifest manifest = manifest(file, "", map);
      if (!manifest.drop().isEmpty()) {
        throw CliException.usage(
            file
                + ": 'drop' is for apply; config set replaces the whole config, so leave "
                + "the keys out instead");
      }
      if (!manifest.secrets().isEmpty()) {
        throw CliException.usage(
            file
                + ": 'secrets' is for apply; create them with 'connectctl create secret' "
                + "or apply this file");
      }
      if (!manifest.name().equals(name)) {
        throw CliException.usage(
            file + ": describes connector '" + manifest.name() + "', not '" + name + "'");
      }
      if (!context.isEmpty()
          && !manifest.context().isEmpty()
          && !manifest.context().equals(context)) {
        throw CliException.usage(
            file
                + ": connector '"
                + name
                + "' names context '"
                + manifest.context()
                + "', but this command targets context '"
                + context
                + "'");
      }
      if (!vendor.isEmpty() && !manifest.vendor().isEmpty() && !manifest.vendor().equals(vendor)) {
        throw CliException.usage(
            file
                + ": connector '"
                + name
                + "' names vendor '"
                + manifest.vendor()
                + "', but context '"
                + context
                + "' is "
                + vendor);
      }
      return manifest.config();
    }
    return flatten(file + ": connector '" + name + "'", map);
  }

  private static List<Path> files(Path path, boolean recursive) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = recursive ? Files.walk(path) : Files.list(path)) {
        List<Path> files =
            listing
                .filter(Files::isRegularFile)
                .filter(Manifests::isManifest)
                .filter(file -> !hidden(path, file))
                .sorted()
                .toList();
        if (files.isEmpty()) {
          throw CliException.usage(
              "Directory "
                  + path
                  + " holds no .yaml, .yml or .json files"
                  + (recursive ? "" : " (add --recursive to read its subdirectories)"));
        }
        return files;
      } catch (IOException | java.io.UncheckedIOException e) {
        throw CliException.usage("Cannot list directory " + path + ": " + e.getMessage());
      }
    }
    if (!Files.isRegularFile(path)) {
      throw CliException.usage("File " + path + " does not exist");
    }
    return List.of(path);
  }

  /**
   * Whether {@code file}, below {@code root}, is or lies in a hidden file or directory ({@code
   * .git} …).
   */
  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManifest(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static List<Manifest> manifests(Path file, List<Object> documents) {
    List<Manifest> manifests = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      Object document = documents.get(d);
      String where = documents.size() > 1 ? " (document " + (d + 1) + ")" : "";
      if (document == null) {
        continue;
      }
      if (document instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof Map<?, ?> item)) {
            throw CliException.usage(
                name(file) + where + ": item " + (i + 1) + " must be a mapping {name, config}");
          }
          manifests.add(manifest(file, where + " item " + (i + 1), item));
        }
      } else if (document instanceof Map<?, ?> map) {
        manifests.add(manifest(file, where, map));
      } else {
        throw CliException.usage(
            name(file) + where + ": expected a connector {name, config} or a list of them");
      }
    }
    return manifests;
  }

  private static Manifest manifest(Path file, String where, Map<?, ?> document) {
    Object name = document.get("name");
    if (name == null
        || name instanceof Map
        || name instanceof List
        || String.valueOf(name).isBlank()) {
      throw CliException.usage(name(file) + where + ": missing connector 'name'");
    }
    String at = name(file) + ": connector '" + name + "'";
    for (Object key : document.keySet()) {
      if (!DOCUMENT_KEYS.contains(String.valueOf(key))) {
        throw CliException.usage(
            at
                + ": unknown key '"
                + key
                + "' (a connector has 'name', 'config' and optionally 'drop', 'context', 'vendor' and 'secrets')");
      }
    }
    String context = text(at, "context", document.get("context"));
    String vendor = text(at, "vendor", document.get("vendor"));
    if (!vendor.isEmpty()) {
      try {
        vendor = io.connectctl.facade.Vendor.fromId(vendor).id();
      } catch (IllegalArgumentException e) {
        throw CliException.usage(at + ": 'vendor': " + e.getMessage());
      }
    }
    Object config = document.get("config");
    if (!(config instanceof Map<?, ?> map)) {
      throw CliException.usage(at + ": missing 'config' (a mapping of config keys to values)");
    }
    Map<String, String> flat = flatten(at, map);
    Object secrets = document.get("secrets");
    if (secrets != null && !(secrets instanceof Map<?, ?>)) {
      throw CliException.usage(
          at + ": 'secrets' must be a mapping of secret names to {data, labels}");
    }
    Map<String, Object> declared = new LinkedHashMap<>();
    if (secrets instanceof Map<?, ?> named) {
      named.forEach((k, v) -> declared.put(String.valueOf(k), v));
    }
    return new Manifest(
        String.valueOf(name),
        flat,
        drop(at, document.get("drop"), flat),
        file,
        context,
        vendor,
        declared);
  }

  /** An optional text key ({@code context}, {@code vendor}): empty when absent. */
  private static String text(String at, String key, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map || value instanceof List || String.valueOf(value).isBlank()) {
      throw CliException.usage(at + ": '" + key + "' must be a non-empty text");
    }
    return String.valueOf(value).trim();
  }

  /**
   * The {@code drop} list: config keys to remove, each a non-empty text that is not also set under
   * config.
   */
  private static List<String> drop(String at, Object drop, Map<String, String> config) {
    if (drop == null) {
      return List.of();
    }
    List<?> items = drop instanceof List<?> list ? list : List.of(drop);
    List<String> keys = new ArrayList<>();
    for (Object item : items) {
      if (item == null
          || item instanceof Map
          || item instanceof List
          || String.valueOf(item).isBlank()) {
        throw CliException.usage(at + ": 'drop' must be a list of config keys");
      }
      String key = String.valueOf(item).trim();
      if (config.containsKey(key)) {
        throw CliException.usage(
            at + ": config key '" + key + "' is both set under 'config' and listed in 'drop'");
      }
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static Map<String, String> flatten(String at, Map<?, ?> map) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten(at, "", map, out);
    return out;
  }

  private static void flatten(String at, String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
        flatten(at, key + ".", nested, out);
      } else if (value instanceof Map<?, ?>) {
        put(at, key, "{}", out);
      } else if (value instanceof List) {
        throw CliException.usage(
            at
                + ": config key '"
                + key
                + "' is a list; write it as one string (Kafka Connect lists are comma-separated)");
      } else if (value == null) {
        throw CliException.usage(at + ": config key '" + key + "' has no value");
      } else {
        put(at, key, String.valueOf(value), out);
      }
    }
  }

  private static void put(String at, String key, String value, Map<String, String> out) {
    if (out.put(key, value) != null) {
      throw CliException.usage(at + ": config key '" + key + "' is given twice");
    }
  }

  private static List<Object> load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("Cannot read " + file + ": " + e.getMessage());
    }
    return parse(file, text);
  }

  private static List<Object> parse(Path file, String text) {
    try {
      List<Object> documents = new ArrayList<>();
      for (Object document : textOnlyYaml().loadAll(text)) {
        documents.add(document);
      }
      return documents;
    } catch (YAMLException e) {
      throw CliException.usage(
          name(file)
              + " is not valid YAML or JSON: "
              + e.getMessage().replaceAll("\\s*\\n\\s*", " "));
    }
  }

  /**
   * YAML that reads every plain scalar as a string (no booleans, numbers, octal or dates guessed).
   */
  private static Yaml textOnlyYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    Resolver textOnly =
        new Resolver() {
          @Override
          protected void addImplicitResolvers() {
            // none: every scalar stays text
          }
        };
    return new Yaml(
        new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
  }
}
