package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Writes the {@code local} context of {@code connectctl local up} into the config file:
 *
 * <pre>{@code
 * contexts:
 *   local:
 *     vendor: kafka-connect
 *     url: http://127.0.0.1:PORT
 * }</pre>
 *
 * Only that entry changes (and {@code current-context}, when the file has none): other contexts, comments and
 * layout stay as they were. The edit is made on the text, then checked by parsing the result; a layout it cannot
 * edit in place (flow-style {@code contexts}) is rewritten from the parsed file instead, which drops comments.
 */
final class LocalContextFile {
  /** The context's name. */
  static final String CONTEXT = "local";
  static final String VENDOR = "kafka-connect";

  private static final Pattern CONTEXTS_LINE = Pattern.compile("^contexts:\\s*(#.*)?$");
  private static final Pattern CURRENT_LINE = Pattern.compile("^current-context:\\s*(#.*)?$");

  private final Path path;

  /** @param path the config file (it may not exist yet) */
  LocalContextFile(Path path) {
    this.path = path;
  }

  /**
   * Checks, before anything starts, that the file can take the context: valid YAML, a mapping, and no context named
   * {@code local} of another vendor (which would be the user's own).
   *
   * @throws CliException (exit 2) naming the file and the problem
   */
  void check() {
    Map<String, Object> root = parse(read());
    Object existing = contexts(root).get(CONTEXT);
    if (existing != null) {
      Object vendor = existing instanceof Map<?, ?> settings ? settings.get("vendor") : null;
      if (!VENDOR.equals(String.valueOf(vendor))) {
        throw CliException.usage("Config file " + path + " already has a context '" + CONTEXT + "' of vendor "
            + vendor + "; rename it so 'local up' can write its own");
      }
    }
  }

  /**
   * Points the {@code local} context at {@code url}.
   *
   * @return whether {@code local} became the current context (only when the file named none)
   */
  boolean write(String url) {
    check();
    String text = read();
    Map<String, Object> before = parse(text);
    boolean makeCurrent = String.valueOf(Objects.requireNonNullElse(before.get("current-context"), "")).isBlank();
    String updated = edit(text, url, makeCurrent);
    Map<String, Object> after;
    try {
      after = parse(updated);
    } catch (CliException unexpectedLayout) {
      after = null;
    }
    if (after == null || !expected(after, before, url, makeCurrent)) {
      updated = rewrite(before, url, makeCurrent);
    }
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".config", ".yaml");
      Files.writeString(temporary, updated, StandardCharsets.UTF_8);
      if (Files.exists(path)) {
        try {
          Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(path));
        } catch (UnsupportedOperationException notPosix) {
          // the file system has no such permissions to keep
        }
      }
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(ExitCode.API_FAILED, "Cannot write config file " + path + ": " + e.getMessage(), e);
    }
    return makeCurrent;
  }

  /** The text with the {@code local} entry replaced or added, and {@code current-context} set if asked. */
  static String edit(String text, String url, boolean makeCurrent) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int contexts = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (CONTEXTS_LINE.matcher(lines.get(i)).matches()) {
        contexts = i;
        break;
      }
    }
    if (contexts < 0) {
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      lines.add("contexts:");
      lines.addAll(entry("  ", url));
    } else {
      int end = contexts + 1;
      int lastContent = contexts;
      String indent = null;
      int local = -1;
      int localEnd = -1;
      for (; end < lines.size(); end++) {
        String line = lines.get(end);
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
          continue;
        }
        int width = indentOf(line);
        if (width == 0) {
          break;
        }
        if (indent == null) {
          indent = line.substring(0, width);
        }
        if (width <= indent.length()) {
          if (local >= 0 && localEnd < 0) {
            localEnd = lastContent + 1;
          }
          String key = line.strip();
          if (key.startsWith(CONTEXT + ":") || key.startsWith("\"" + CONTEXT + "\":")
              || key.startsWith("'" + CONTEXT + "':")) {
            local = end;
          }
        }
        lastContent = end;
      }
      if (local >= 0 && localEnd < 0) {
        localEnd = lastContent + 1;
      }
      String childIndent = indent == null ? "  " : indent;
      if (local >= 0) {
        lines.subList(local, localEnd).clear();
        lines.addAll(local, entry(childIndent, url));
      } else {
        lines.addAll(lastContent + 1, entry(childIndent, url));
      }
    }
    if (makeCurrent) {
      boolean replaced = false;
      for (int i = 0; i < lines.size(); i++) {
        if (CURRENT_LINE.matcher(lines.get(i)).matches()) {
          lines.set(i, "current-context: " + CONTEXT);
          replaced = true;
        }
      }
      if (!replaced) {
        lines.add(0, "current-context: " + CONTEXT);
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static List<String> entry(String indent, String url) {
    String inner = indent + indent;
    return List.of(indent + CONTEXT + ":", inner + "vendor: " + VENDOR, inner + "url: " + url);
  }

  private static int indentOf(String line) {
    int width = 0;
    while (width < line.length() && line.charAt(width) == ' ') {
      width++;
    }
    return width;
  }

  /** Whether {@code after} is {@code before} with just the local context (and current-context) changed. */
  private static boolean expected(Map<String, Object> after, Map<String, Object> before, String url,
      boolean makeCurrent) {
    Map<String, Object> want = new LinkedHashMap<>(before);
    Map<String, Object> contexts = new LinkedHashMap<>(contexts(before));
    contexts.put(CONTEXT, Map.of("vendor", VENDOR, "url", url));
    want.put("contexts", contexts);
    if (makeCurrent) {
      want.put("current-context", CONTEXT);
    }
    return want.equals(after);
  }

  /** The whole file from its parsed form (comments are lost; used only when the text edit cannot be made). */
  private static String rewrite(Map<String, Object> before, String url, boolean makeCurrent) {
    Map<String, Object> root = new LinkedHashMap<>(before);
    if (makeCurrent) {
      root.put("current-context", CONTEXT);
    }
    Map<String, Object> contexts = new LinkedHashMap<>(contexts(before));
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("vendor", VENDOR);
    local.put("url", url);
    contexts.put(CONTEXT, local);
    root.put("contexts", contexts);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(root);
  }

  private String read() {
    try {
      return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw CliException.usage("Cannot read config file " + path + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(String text) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw CliException.usage("Config file " + path + " is not valid YAML; not changed: "
          + e.getMessage().replaceAll("\\s*\\n\\s*", " "));
    }
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw CliException.usage("Config file " + path + " must be a YAML mapping; not changed");
    }
    Object contexts = map.get("contexts");
    if (contexts != null && !(contexts instanceof Map)) {
      throw CliException.usage("Config file " + path + ": 'contexts' must be a mapping; not changed");
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contexts(Map<String, Object> root) {
    Object contexts = root.get("contexts");
    return contexts instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
