package io.connectctl.facade;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hides secrets: config values whose keys look secret, and known secret strings (tokens, API
 * secrets) wherever they appear in text. Used by {@code toString()} of the public records, by
 * request logging and by the CLI.
 */
public final class Redaction {
  /** What a hidden value is replaced with. */
  public static final String REDACTED = "<redacted>";

  /**
   * What a vendor reads a secret config value back as (Confluent sends it), instead of the value
   * itself.
   */
  public static final String MASK = "****";

  private static final Pattern SECRET_WORDS =
      Pattern.compile(
          "password|passwd|passphrase|secret|token|credential|jaas|private[._-]?key|api[._-]?key|access[._-]?key(?!id)"
              + "|(^|[._-])key$|keystore\\.key|(^|[._-])auth(orization)?($|[._-])");

  private Redaction() {}

  /**
   * Whether a config key looks like it holds a secret ({@code password}, {@code secret}, {@code
   * token}, {@code credentials}, {@code sasl.jaas.config}, {@code *.api.key}, a key named {@code
   * key} …). Keys like {@code key.converter} are not secret.
   */
  public static boolean isSecretKey(String key) {
    if (key == null) {
      return false;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.matcher(lower).find();
  }

  /** A copy of {@code config} with secret-looking values replaced by {@link #REDACTED}. */
  public static Map<String, String> redactConfig(Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, redactValue(k, v)));
    return out;
  }

  /**
   * {@code value}, or {@link #REDACTED} when {@code key} looks secret and the value is not empty.
   */
  public static String redactValue(String key, String value) {
    return isSecretKey(key) && value != null && !value.isEmpty() ? REDACTED : value;
  }

  /**
   * Whether {@code value} stands in for a secret rather than being one: a vendor's {@link #MASK} or
   * this class's {@link #REDACTED} marker. Such a value must never be written back as a config
   * value.
   */
  public static boolean isMasked(String value) {
    return MASK.equals(value) || REDACTED.equals(value);
  }

  /** {@code text} with every occurrence of each known secret replaced by {@link #REDACTED}. */
  public static String redactSecrets(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    // Longest first, so a secret that starts another cannot leave the other's tail behind.
    java.util.List<String> ordered =
        secrets.stream()
            .filter(java.util.Objects::nonNull)
            .sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String secret : ordered) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }
}
