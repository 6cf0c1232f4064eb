package io.connectctl.cli.apply;

import io.connectctl.facade.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret references in connector files, resolved by connectctl when it applies them: {@code
 * ${connectctl:env:VAR}} (the environment variable {@code VAR}) and {@code ${connectctl:file:PATH}}
 * (the content of a file, one trailing line break dropped; a relative path is taken from the
 * directory of the file that holds the reference, {@code ~/} from the home directory). A reference
 * may be the whole value or part of it.
 *
 * <p>The {@code connectctl:} prefix keeps them apart from the references the servers resolve
 * themselves, which pass through untouched: Kafka Connect's config providers ({@code
 * ${file:/etc/secrets.properties:password}}, {@code ${env:VAR}}) and Redpanda's secrets ({@code
 * ${secretsManager:NAME:KEY}}).
 */
public final class References {
  /** One connectctl reference. */
  public static final Pattern REFERENCE = Pattern.compile("\\$\\{connectctl:(env|file):([^}]*)}");

  /** {@code scheme://user:password@host}: a URL carrying a password. */

  /** What the vendors (and connectctl's own output) show instead of a secret value. */
  public static final List<String> MASKS = List.of("****", Redaction.REDACTED);

  private References() {}

  /**
   * The outcome of resolving one connector's config.
   *
   * @param config the config with every resolvable reference replaced by its value
   * @param unresolved for each key whose references could not all be resolved, why
   */
  public record Resolution(Map<String, String> config, Map<String, String> unresolved) {
    /** Copies. */
    public Resolution {
      config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
      unresolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unresolved));
    }
  }

  /**
   * Resolves the references in {@code config}.
   *
   * @param config the config as written
   * @param env the environment variables
   * @param home the home directory ({@code ~/})
   * @param source the file the config came from ({@code -} for standard input: relative paths then
   *     start at the working directory)
   */
  public static Resolution resolve(
      Map<String, String> config, Map<String, String> env, Path home, Path source) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> unresolved = new LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          Matcher m = REFERENCE.matcher(value);
          StringBuilder resolved = new StringBuilder();
          List<String> problems = new ArrayList<>();
          while (m.find()) {
            Optional<String> replacement =
                m.group(1).equals("env")
                    ? lookupEnv(m.group(2), env, problems)
                    : readFile(m.group(2), home, source, problems);
            m.appendReplacement(resolved, Matcher.quoteReplacement(replacement.orElse(m.group())));
          }
          m.appendTail(resolved);
          out.put(key, resolved.toString());
          if (!problems.isEmpty()) {
            unresolved.put(key, String.join("; ", problems));
          }
        });
    return new Resolution(out, unresolved);
  }

  private static Optional<String> lookupEnv(
      String variable, Map<String, String> env, List<String> problems) {
    String value = env.get(variable);
    if (value == null) {
      problems.add("environment variable " + variable + " is not set");
    }
    return Optional.ofNullable(value);
  }

  private static Optional<String> readFile(
      String name, Path home, Path source, List<String> problems) {
    Path path;
    if (name.startsWith("~/")) {
      path = home.resolve(name.substring(2));
    } else {
      Path given = Path.of(name);
      Path base =
          source.equals(Manifests.STDIN) || source.getParent() == null
              ? Path.of("")
              : source.getParent();
      path = given.isAbsolute() ? given : base.resolve(given);
    }
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      if (text.endsWith("\r\n")) {
        text = text.substring(0, text.length() - 2);
      } else if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      return Optional.of(text);
    } catch (IOException e) {
      problems.add("cannot read file " + path + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  /** Whether {@code value} holds a connectctl reference. */
  public static boolean hasReference(String value) {
    return REFERENCE.matcher(value).find();
  }

  /** Whether {@code value} is a mask the server or connectctl shows instead of a secret. */
  public static boolean isMask(String value) {
    return MASKS.contains(value);
  }

  /**
   * Whether {@code key = value} holds a secret that must not be written to a file: a masked value,
   * or a secret by {@link Redaction#isSecret} (the decision every output makes, by which references
   * such as {@code ${secretsManager:…}} are not secrets and stay as they are).
   */
  public static boolean isSecret(String key, String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return isMask(value) || Redaction.isSecret(key, value);
  }

  /**
   * The reference written in place of a secret: {@code ${connectctl:env:CONNECTOR_KEY}}, the
   * variable named after the connector and the key in upper case, anything but letters and digits
   * turned into {@code _}.
   */
  public static String envReference(String connector, String key) {
    return "${connectctl:env:" + variable(connector, key) + "}";
  }

  /** The variable name {@link #envReference} uses. */
  public static String variable(String connector, String key) {
    String name = (connector + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }
}
