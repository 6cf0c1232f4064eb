package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.Failures;
import io.connectctl.cli.vendors.ContextKey;
import io.connectctl.cli.vendors.VendorDescription;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The contexts file ({@code ~/.config/connectctl/config.yaml} unless {@code --config}, {@code
 * CONNECTCTL_CONFIG} or {@code XDG_CONFIG_HOME} say otherwise; see {@link #locate}).
 *
 * <pre>{@code
 * current-context: prod-redpanda
 * contexts:
 *   prod-redpanda:
 *     vendor: redpanda
 *     url: https://api-a1b2c3d4.cq5abc7def.fmc.prd.cloud.redpanda.com
 *     connect-cluster: redpanda          # optional, default redpanda
 *     token-url: https://…/oauth/token   # optional
 *     credentials: {env: {token: REDPANDA_TOKEN}}
 *   prod-confluent:
 *     vendor: confluent
 *     environment: env-abc123
 *     cluster: lkc-xyz789
 *     credentials: {env: {api-key: CONFLUENT_CLOUD_API_KEY, api-secret: CONFLUENT_CLOUD_API_SECRET}}
 *   prod-yandex:
 *     vendor: yandex
 *     cluster: c9qbkmoiimsl6e7dc3j2
 *     credentials: {file: ~/.config/yc/key.json}
 * }</pre>
 *
 * Every problem (bad YAML, unknown key, missing field) is reported with the file, the context and
 * the key. A mistake inside one context does not make the file unusable: that context is kept aside
 * in {@link #invalid()} and its error is raised only when it is used ({@link #context(String)}), so
 * the other contexts keep working.
 *
 * @param path the file
 * @param currentContext the default context, empty if none
 * @param contexts the usable contexts by name, in file order
 * @param invalid the contexts that could not be read, by name in file order, each with its error
 *     (exit code and message)
 */
public record ConfigFile(
    Path path,
    String currentContext,
    Map<String, Target> contexts,
    Map<String, CliException> invalid) {
  private static final Set<String> TOP_LEVEL = Set.of("current-context", "contexts");
  private static final Pattern CURRENT_LINE = Pattern.compile("(?m)^current-context:.*$");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  /** Validates and copies. */
  public ConfigFile {
    Objects.requireNonNull(path, "path");
    currentContext = Objects.requireNonNullElse(currentContext, "");
    contexts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
    invalid =
        java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(invalid, Map.of())));
  }

  /** A file whose contexts all read. */
  public ConfigFile(Path path, String currentContext, Map<String, Target> contexts) {
    this(path, currentContext, contexts, Map.of());
  }

  /**
   * The file connectctl reads: {@code explicit} if given, else {@code $CONNECTCTL_CONFIG}, else
   * {@code $XDG_CONFIG_HOME/connectctl/config.yaml} (when set to an absolute path, as the XDG spec
   * asks), else {@code HOME/.config/connectctl/config.yaml}.
   */
  public static Path locate(String explicit, Map<String, String> env, Path home) {
    if (explicit != null && !explicit.isBlank()) {
      return Paths.expand(explicit, home);
    }
    String fromEnv = env.get("CONNECTCTL_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Paths.expand(fromEnv, home);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("connectctl").resolve("config.yaml");
    }
    return home.resolve(".config").resolve("connectctl").resolve("config.yaml");
  }

  /**
   * Reads and checks {@code path}; a missing file is an empty config unless {@code mustExist}.
   *
   * @throws CliException (exit 2) naming the file, the context and the key at fault
   */
  public static ConfigFile load(Path path, boolean mustExist) {
    if (!Files.exists(path)) {
      if (mustExist) {
        throw CliException.usage("Config file " + path + " does not exist");
      }
      return new ConfigFile(path, "", Map.of());
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("Cannot read config file " + path + ": " + e.getMessage());
    }
    return parse(path, text);
  }

  static ConfigFile parse(Path path, String text) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw CliException.usage(
          "Config file " + path + " is not valid YAML: " + Failures.oneLine(e.getMessage()));
    }
    if (root == null) {
      return new ConfigFile(path, "", Map.of());
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw CliException.usage(
          "Config file " + path + " must be a YAML mapping with 'current-context' and 'contexts'");
    }
    for (Object key : top.keySet()) {
      if (!TOP_LEVEL.contains(String.valueOf(key))) {
        throw CliException.usage(
            "Config file "
                + path
                + ": unknown key '"
                + key
                + "' (allowed: current-context, contexts)");
      }
    }
    String current =
        top.get("current-context") == null
            ? ""
            : scalar(path, "current-context", top.get("current-context"));
    Map<String, Target> contexts = new LinkedHashMap<>();
    Map<String, CliException> invalid = new LinkedHashMap<>();
    Object rawContexts = top.get("contexts");
    if (rawContexts != null) {
      if (!(rawContexts instanceof Map<?, ?> byName)) {
        throw CliException.usage(
            "Config file " + path + ": 'contexts' must be a mapping of context name to settings");
      }
      for (Map.Entry<?, ?> entry : byName.entrySet()) {
        String name = String.valueOf(entry.getKey());
        try {
          contexts.put(name, context(path, name, entry.getValue()));
        } catch (CliException e) {
          invalid.put(name, e);
        }
      }
    }
    return new ConfigFile(path, current, contexts, invalid);
  }

  private static Target context(Path path, String name, Object raw) {
    String where = "Config file " + path + ", context '" + name + "'";
    if (!(raw instanceof Map<?, ?> settings)) {
      throw CliException.usage(where + ": settings must be a mapping (vendor, url, credentials …)");
    }
    Object vendorValue = settings.get("vendor");
    if (vendorValue == null) {
      throw CliException.usage(where + ": missing key 'vendor' (" + Vendor.choices() + ")");
    }
    Vendor vendor;
    try {
      vendor = Vendor.fromId(String.valueOf(vendorValue));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(where + ", key 'vendor': " + e.getMessage());
    }
    VendorDescription description = VendorDescriptions.of(vendor);
    List<String> allowed = keys(description);
    Map<String, Object> values = new LinkedHashMap<>();
    CredentialSource credentials = new CredentialSource.DefaultEnvironment();
    for (Map.Entry<?, ?> entry : settings.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!allowed.contains(key)) {
        boolean known =
            VendorDescriptions.all().stream().anyMatch(other -> keys(other).contains(key));
        throw CliException.usage(
            where
                + ": "
                + (known
                    ? "key '" + key + "' does not apply to vendor " + vendor
                    : "unknown key '" + key + "'")
                + " (allowed for "
                + vendor
                + ": "
                + String.join(", ", allowed)
                + ")");
      }
      if (key.equals("credentials")) {
        credentials = CredentialsConfig.parse(where, vendor, entry.getValue());
      } else if (!key.equals("vendor")) {
        values.put(key, description.key(key).orElseThrow().read(where, entry.getValue()));
      }
    }
    description.check().check(where, values);
    for (ContextKey<String> required : description.requiredKeys()) {
      if (String.valueOf(values.getOrDefault(required.name(), "")).isBlank()) {
        throw CliException.usage(
            where + ": missing key '" + required.name() + "' (required for " + vendor + ")");
      }
    }
    return new Target(name, vendor, values, credentials);
  }

  /** A context's keys for a vendor: {@code vendor}, the vendor's own, {@code credentials}. */
  private static List<String> keys(VendorDescription description) {
    List<String> keys = new java.util.ArrayList<>();
    keys.add("vendor");
    description.keys().stream().filter(ContextKey::inFile).map(ContextKey::name).forEach(keys::add);
    keys.add("credentials");
    return keys;
  }

  private static String scalar(Path path, String what, Object value) {
    if (value instanceof Map || value instanceof List) {
      throw CliException.usage("Config file " + path + ", " + what + ": must be a single value");
    }
    return value == null ? "" : String.valueOf(value);
  }

  /**
   * The context named {@code name}, or exit 2: with the context's own error when it could not be
   * read, else naming the file and the contexts it has.
   */
  public Target context(String name) {
    Target target = contexts.get(name);
    if (target == null && invalid.containsKey(name)) {
      throw new CliException(invalid.get(name).exitCode(), invalid.get(name).getMessage());
    }
    if (target == null) {
      throw CliException.usage(
          "Unknown context '"
              + name
              + "' in "
              + path
              + (contexts.isEmpty()
                  ? " (it defines no contexts)"
                  : " (known: " + String.join(", ", contexts.keySet()) + ")"));
    }
    return target;
  }

  /**
   * Makes {@code name} the current context by rewriting only the {@code current-context} line, so
   * comments and everything else in the file stay as they were.
   */
  public void writeCurrentContext(String name) {
    context(name);
    String line = "current-context: " + (PLAIN_NAME.matcher(name).matches() ? name : quoted(name));
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      Matcher existing = CURRENT_LINE.matcher(text);
      String updated =
          existing.find()
              ? text.substring(0, existing.start()) + line + text.substring(existing.end())
              : line + System.lineSeparator() + text;
      Files.writeString(path, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(
          io.connectctl.cli.ExitCode.API_FAILED,
          "Cannot write config file " + path + ": " + e.getMessage());
    }
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
