package io.connectctl.cli.local;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.YamlInput;
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
import org.yaml.snakeyaml.Yaml;

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
 * Only that entry changes (and {@code current-context}, when the file has none): other contexts,
 * comments and layout stay as they were. The edit is made on the text, then checked by parsing the
 * result; a layout it cannot edit in place (flow-style {@code contexts}) is rewritten from the
 * parsed file instead, which drops comments.
 */
public final class LocalContextFile {
  /** The context's name. */
  public static final String CONTEXT = "local";

  public static final String VENDOR = "kafka-connect";

  private static final Pattern CONTEXTS_LINE = Pattern.compile("^contexts:\\s*(#.*)?$");
  private static final Pattern CURRENT_LINE = Pattern.compile("^current-context:\\s*(#.*)?$");

  private final Path path;

  /**
   * @param path the config file (it may not exist yet)
   */
  public LocalContextFile(Path path) {
    this.path = path;
  }

  /**
   * Checks, before anything starts, that the file can take the context: valid YAML, a mapping, and
   * no context named {@code local} of another vendor (which would be the user's own).
   *
   * @throws CliException (exit 2) naming the file and the problem
   */
  public void check() {
    check(List.of(local("http://127.0.0.1")));
  }

  /**
   * {@link #check()} for each of {@code entries}: none may name a context of another vendor already
   * in the file.
   */
  public void check(List<Entry> entries) {
    Map<String, Object> root = parse(read());
    for (Entry entry : entries) {
      Object existing = contexts(root).get(entry.name());
      if (existing != null) {
        Object vendor = existing instanceof Map<?, ?> settings ? settings.get("vendor") : null;
        if (!entry.vendor().equals(String.valueOf(vendor))) {
          throw CliException.usage(
              "Config file "
                  + path
                  + " already has a context '"
                  + entry.name()
                  + "' of vendor "
                  + vendor
                  + "; rename it so 'local up' can write its own");
        }
      }
    }
  }

  /**
   * One context that {@code local up} writes: its name and settings (strings, or a map written in
   * flow style, as {@code credentials}); {@code vendor} comes first.
   *
   * @param name the context's name
   * @param settings its keys, {@code vendor} among them
   */
  public record Entry(String name, Map<String, Object> settings) {
    public String vendor() {
      return String.valueOf(settings.get("vendor"));
    }

    public List<String> lines(String indent) {
      List<String> lines = new ArrayList<>();
      lines.add(indent + name + ":");
      settings.forEach((key, value) -> lines.add(indent + indent + key + ": " + flow(value)));
      return lines;
    }

    private static String flow(Object value) {
      if (value instanceof Map<?, ?> map) {
        List<String> parts = new ArrayList<>();
        map.forEach((k, v) -> parts.add(k + ": " + flow(v)));
        return "{" + String.join(", ", parts) + "}";
      }
      return String.valueOf(value);
    }
  }

  /** The contexts of the cloud gateways ({@code local up --clouds}), in the order written. */
  public static final List<String> CLOUD_CONTEXTS =
      List.of("local-redpanda", "local-confluent", "local-yandex");

  /**
   * The {@code local-redpanda}, {@code local-confluent} and {@code local-yandex} contexts for the
   * gateways whose state ({@code redpanda.url}, {@code confluent.url/environment/cluster}, {@code
   * yandex.url/cluster}) is given. The gateways accept any credentials of the right kind; these
   * made-up ones are written inline (they open nothing but the local gateways).
   */
  public static List<Entry> clouds(Map<String, Object> state) {
    Map<String, Object> redpanda = section(state, "redpanda");
    Map<String, Object> confluent = section(state, "confluent");
    Map<String, Object> yandex = section(state, "yandex");
    Map<String, Object> rp = new LinkedHashMap<>();
    rp.put("vendor", "redpanda");
    rp.put("url", redpanda.get("url"));
    rp.put("credentials", inline(Map.of("token", "local-redpanda-token")));
    Map<String, Object> cc = new LinkedHashMap<>();
    cc.put("vendor", "confluent");
    cc.put("url", confluent.get("url"));
    cc.put("environment", confluent.get("environment"));
    cc.put("cluster", confluent.get("cluster"));
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("api-key", "LOCALKEY");
    keys.put("api-secret", "local-confluent-secret");
    cc.put("credentials", inline(keys));
    Map<String, Object> yc = new LinkedHashMap<>();
    yc.put("vendor", "yandex");
    yc.put("url", yandex.get("url"));
    yc.put("operation-url", yandex.get("url"));
    yc.put("cluster", yandex.get("cluster"));
    yc.put("credentials", inline(Map.of("iam-token", "local-yandex-iam-token")));
    return List.of(
        new Entry(CLOUD_CONTEXTS.get(0), rp),
        new Entry(CLOUD_CONTEXTS.get(1), cc),
        new Entry(CLOUD_CONTEXTS.get(2), yc));
  }

  /**
   * The cloud contexts with placeholder addresses: for {@link #check(List)} before anything starts.
   */
  public static List<Entry> cloudPlaceholders() {
    Map<String, Object> any =
        Map.of("url", "http://127.0.0.1", "environment", "env", "cluster", "c");
    return clouds(Map.of("redpanda", any, "confluent", any, "yandex", any));
  }

  private static Map<String, Object> inline(Map<String, Object> values) {
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("inline", values);
    credentials.put("insecure-inline-secret", true);
    return credentials;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> state, String key) {
    Object value = state.get(key);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The {@code local} context: the worker itself. */
  public static Entry local(String url) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("vendor", VENDOR);
    settings.put("url", url);
    return new Entry(CONTEXT, settings);
  }

  /**
   * Points the {@code local} context at {@code url}.
   *
   * @return whether {@code local} became the current context (only when the file named none)
   */
  public boolean write(String url) {
    return write(List.of(local(url)));
  }

  /**
   * Writes each of {@code entries} (replacing a context of the same name); {@code local}, if among
   * them, becomes the current context when the file names none.
   *
   * @return whether {@code local} became the current context
   */
  public boolean write(List<Entry> entries) {
    check(entries);
    String text = read();
    Map<String, Object> before = parse(text);
    boolean makeCurrent =
        entries.stream().anyMatch(e -> e.name().equals(CONTEXT))
            && String.valueOf(Objects.requireNonNullElse(before.get("current-context"), ""))
                .isBlank();
    String updated = text;
    for (Entry entry : entries) {
      updated = edit(updated, entry);
    }
    if (makeCurrent) {
      updated = current(updated);
    }
    Map<String, Object> after;
    try {
      after = parse(updated);
    } catch (CliException unexpectedLayout) {
      after = null;
    }
    if (after == null || !expected(after, before, entries, makeCurrent)) {
      updated = rewrite(before, entries, makeCurrent);
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
      Files.move(
          temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException(
          ExitCode.API_FAILED, "Cannot write config file " + path + ": " + e.getMessage(), e);
    }
    return makeCurrent;
  }

  /**
   * The text with the {@code local} entry replaced or added, and {@code current-context} set if
   * asked.
   */
  public static String edit(String text, String url, boolean makeCurrent) {
    String edited = edit(text, local(url));
    return makeCurrent ? current(edited) : edited;
  }

  /** The text with {@code entry} replaced or added. */
  public static String edit(String text, Entry added) {
    String name = added.name();
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
      lines.addAll(added.lines("  "));
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
          if (key.startsWith(name + ":")
              || key.startsWith("\"" + name + "\":")
              || key.startsWith("'" + name + "':")) {
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
        lines.addAll(local, added.lines(childIndent));
      } else {
        lines.addAll(lastContent + 1, added.lines(childIndent));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** The text with {@code current-context: local}. */
  private static String current(String text) {
    List<String> lines = new ArrayList<>(text.lines().toList());
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
    return String.join("\n", lines) + "\n";
  }

  private static int indentOf(String line) {
    int width = 0;
    while (width < line.length() && line.charAt(width) == ' ') {
      width++;
    }
    return width;
  }

  /**
   * Whether {@code after} is {@code before} with just the local context (and current-context)
   * changed.
   */
  private static boolean expected(
      Map<String, Object> after,
      Map<String, Object> before,
      List<Entry> entries,
      boolean makeCurrent) {
    Map<String, Object> want = new LinkedHashMap<>(before);
    Map<String, Object> contexts = new LinkedHashMap<>(contexts(before));
    entries.forEach(e -> contexts.put(e.name(), e.settings()));
    want.put("contexts", contexts);
    if (makeCurrent) {
      want.put("current-context", CONTEXT);
    }
    return want.equals(after);
  }

  /**
   * The whole file from its parsed form (comments are lost; used only when the text edit cannot be
   * made).
   */
  private static String rewrite(
      Map<String, Object> before, List<Entry> entries, boolean makeCurrent) {
    Map<String, Object> root = new LinkedHashMap<>(before);
    if (makeCurrent) {
      root.put("current-context", CONTEXT);
    }
    Map<String, Object> contexts = new LinkedHashMap<>(contexts(before));
    entries.forEach(e -> contexts.put(e.name(), new LinkedHashMap<>(e.settings())));
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
    Object root =
        YamlInput.load(
            text,
            false,
            e ->
                CliException.usage(
                    "Config file "
                        + path
                        + " is not valid YAML; not changed: "
                        + e.getMessage().replaceAll("\\s*\\n\\s*", " ")));
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw CliException.usage("Config file " + path + " must be a YAML mapping; not changed");
    }
    Object contexts = map.get("contexts");
    if (contexts != null && !(contexts instanceof Map)) {
      throw CliException.usage(
          "Config file " + path + ": 'contexts' must be a mapping; not changed");
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contexts(Map<String, Object> root) {
    Object contexts = root.get("contexts");
    return contexts instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
