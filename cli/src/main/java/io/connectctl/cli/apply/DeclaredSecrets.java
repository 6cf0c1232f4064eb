package io.connectctl.cli.apply;

import io.connectctl.cli.CliException;
import io.connectctl.facade.SecretValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the secrets that apply files declare next to a connector's config:
 *
 * <pre>{@code
 * name: orders-pg-source
 * secrets:
 *   orders-pg-source:                 # the secret's name
 *     labels: {owner: data-platform}  # optional
 *     data:                           # each key's value comes from a variable or a file, never the file itself
 *       database.password: {env: PG_PASSWORD}
 *       database.user: {file: pg-user.txt}   # relative to the apply file; one trailing newline removed
 * config:
 *   database.password: ${secretsManager:orders-pg-source:database.password}
 * }</pre>
 *
 * <p>Values are read when apply runs; a missing variable or file, a literal value, or a config
 * reference to a key the declared secret lacks stops apply with exit 2 before anything is sent. A
 * secret declared by several connectors must be declared the same way each time. Messages name the
 * file, secret, key and variable or path, never a value.
 */
public final class DeclaredSecrets {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,255}");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9/_+=.@%-]{1,255}");
  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{secretsManager:([^:}]+):([^}]+)}");

  private DeclaredSecrets() {}

  /**
   * The secrets the connectors declare (their {@link Manifest#secrets()}), in file order, each
   * once, with their values read now. Call it once per target: the same secret name may be declared
   * differently for different targets.
   *
   * @param manifests the connectors read from the files (their configs' references are checked)
   * @param env the environment variables
   */
  public static List<DeclaredSecret> read(List<Manifest> manifests, Map<String, String> env) {
    Map<String, DeclaredSecret> byName = new LinkedHashMap<>();
    for (Manifest manifest : manifests) {
      if (manifest.secrets().isEmpty()) {
        continue;
      }
      Path file = manifest.source();
      for (DeclaredSecret secret : secrets(file, manifest.name(), manifest.secrets(), env)) {
        DeclaredSecret earlier = byName.putIfAbsent(secret.name(), secret);
        if (earlier != null
            && !(earlier.labels().equals(secret.labels())
                && earlier.values().equals(secret.values()))) {
          throw CliException.usage(
              Manifests.name(file)
                  + ": secret '"
                  + secret.name()
                  + "' is declared differently in "
                  + Manifests.name(earlier.source())
                  + (earlier.source().equals(file) ? " (this file)" : "")
                  + "; declare it once or the same way everywhere");
        }
      }
    }
    checkReferences(manifests, byName);
    return List.copyOf(byName.values());
  }

  private static List<DeclaredSecret> secrets(
      Path file, String connector, Object node, Map<String, String> env) {
    String at = Manifests.name(file) + ": connector '" + connector + "'";
    if (!(node instanceof Map<?, ?> map)) {
      throw CliException.usage(
          at + ": 'secrets' must be a mapping of secret names to {data, labels}");
    }
    List<DeclaredSecret> out = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      String where = at + ", secret '" + name + "'";
      if (!NAME.matcher(name).matches()) {
        throw CliException.usage(
            where + ": not a secret name (1 to 255 letters, digits and / _ + = . @ % -)");
      }
      if (!(entry.getValue() instanceof Map<?, ?> spec)) {
        throw CliException.usage(
            where + ": expected a mapping {data: {KEY: {env: VAR} or {file: PATH}}, labels}");
      }
      for (Object key : spec.keySet()) {
        if (!Set.of("data", "labels").contains(String.valueOf(key))) {
          throw CliException.usage(
              where + ": unknown key '" + key + "' (a secret has 'data' and 'labels')");
        }
      }
      out.add(
          new DeclaredSecret(
              name,
              labels(where, spec.get("labels")),
              values(file, where, spec.get("data"), env),
              file));
    }
    return out;
  }

  private static Map<String, String> labels(String where, Object node) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (node == null) {
      return labels;
    }
    if (!(node instanceof Map<?, ?> map)) {
      throw CliException.usage(where + ": 'labels' must be a mapping of label keys to values");
    }
    map.forEach(
        (k, v) -> {
          if (v == null || v instanceof Map || v instanceof List) {
            throw CliException.usage(where + ": label '" + k + "' needs a text value");
          }
          if (String.valueOf(k).equals(SecretFingerprints.LABEL)) {
            throw CliException.usage(where + ": label '" + k + "' is set by apply itself");
          }
          labels.put(String.valueOf(k), String.valueOf(v));
        });
    return labels;
  }

  private static SecretValues values(
      Path file, String where, Object node, Map<String, String> env) {
    if (!(node instanceof Map<?, ?> data) || data.isEmpty()) {
      throw CliException.usage(
          where + ": missing 'data' (a mapping of keys to {env: VAR} or {file: PATH})");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : data.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String at = where + ", key '" + key + "'";
      if (!KEY.matcher(key).matches()) {
        throw CliException.usage(
            at + ": not allowed as a secret key (letters, digits, '.', '_', '-')");
      }
      if (!(entry.getValue() instanceof Map<?, ?> source)
          || source.size() != 1
          || !(source.containsKey("env") || source.containsKey("file"))) {
        // the value itself is not echoed: it may be a secret written into the file by mistake
        throw CliException.usage(
            at
                + ": the value must come from {env: VAR} or {file: PATH}; secret values are never "
                + "written in apply files");
      }
      String value;
      if (source.containsKey("env")) {
        String variable = String.valueOf(source.get("env"));
        value = env.get(variable);
        if (value == null) {
          throw CliException.usage(at + ": environment variable " + variable + " is not set");
        }
      } else {
        Path path = Path.of(String.valueOf(source.get("file")));
        Path base =
            file.equals(Manifests.STDIN) || file.toAbsolutePath().getParent() == null
                ? Path.of("")
                : file.toAbsolutePath().getParent();
        Path resolved = path.isAbsolute() ? path : base.resolve(path);
        value = readFile(at, resolved);
      }
      if (value.isEmpty()) {
        throw CliException.usage(at + ": the value is empty");
      }
      values.put(key, value);
    }
    return SecretValues.of(values);
  }

  private static String readFile(String at, Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(at + ": file " + file + " does not exist");
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        return text.substring(0, text.length() - 2);
      }
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw CliException.usage(at + ": cannot read " + file + " as UTF-8 text");
    }
  }

  /**
   * A config's {@code ${secretsManager:S:K}} for a secret S declared here must name one of S's
   * keys.
   */
  private static void checkReferences(
      List<Manifest> manifests, Map<String, DeclaredSecret> declared) {
    for (Manifest manifest : manifests) {
      for (Map.Entry<String, String> e : manifest.config().entrySet()) {
        Matcher m = REFERENCE.matcher(e.getValue());
        while (m.find()) {
          DeclaredSecret secret = declared.get(m.group(1));
          if (secret != null && !secret.values().keys().contains(m.group(2))) {
            throw CliException.usage(
                Manifests.name(manifest.source())
                    + ": connector '"
                    + manifest.name()
                    + "': config key '"
                    + e.getKey()
                    + "' references key '"
                    + m.group(2)
                    + "' of secret '"
                    + m.group(1)
                    + "', which declares only "
                    + secret.values().keys());
          }
        }
      }
    }
  }
}
