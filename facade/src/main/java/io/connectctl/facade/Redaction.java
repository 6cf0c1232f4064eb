package io.connectctl.facade;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

  /**
   * Last key segments that name a setting's kind rather than hold a secret ({@code
   * kafka.auth.mode}, {@code basic.auth.credentials.source}, {@code sasl.mechanism}), or point at
   * one ({@code ssl.keystore.location}, {@code sasl.oauthbearer.token.endpoint.url}).
   */
  private static final Pattern NAMING_SEGMENT =
      Pattern.compile(
          "(^|[._-])(mode|type|method|mechanism|mechanisms|protocol|source|provider|strategy"
              + "|algorithm|format|enabled|class|location|path|file|url|uri|endpoint)$");

  /**
   * A value shaped like a name, a class, a path or a URL: no spaces, quotes, {@code =} or {@code ;}
   * (which a JAAS line or a key/value list has), at most 512 characters.
   */
  private static final Pattern NAME_SHAPED = Pattern.compile("[A-Za-z0-9_.,:/+\\-]{1,512}");

  /** A URL carrying a password: {@code scheme://user:password@host}. */
  private static final Pattern URL_PASSWORD = Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@");

  /**
   * A whole value that is one config-provider reference, {@code ${provider:key}} or {@code
   * ${provider:path:key}}: Redpanda's {@code ${secretsManager:NAME:KEY}}, Kafka Connect's {@code
   * ${file:/etc/kc.properties:pw}}, connectctl's own {@code ${connectctl:env:VAR}}.
   */
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}:]+:[^}]*}");

  private Redaction() {}

  /**
   * Whether {@code value} is, as a whole, a reference to a secret held elsewhere ({@code
   * ${provider:path:key}}, see {@link #isSecret}) rather than a value.
   */
  public static boolean isReference(String value) {
    return value != null && REFERENCE.matcher(value.strip()).matches();
  }

  /**
   * The one decision of whether {@code key = value} holds a secret, used for output, export, logs
   * and error messages alike. It is a secret when
   *
   * <ul>
   *   <li>the key looks secret ({@link #isSecretKey}) and the key does not merely name a kind or a
   *       place with a name-shaped value: {@code kafka.auth.mode: KAFKA_API_KEY}, {@code
   *       sasl.mechanism: SCRAM-SHA-512}, {@code basic.auth.credentials.source: USER_INFO} and
   *       {@code ssl.keystore.location: /etc/ks.jks} are not secrets, while {@code
   *       sasl.jaas.config}, {@code *.password}, {@code *.secret}, {@code *.api.key} and {@code
   *       *.token} values are; or
   *   <li>the value is a URL carrying a password ({@code jdbc:postgresql://u:pw@db/shop}), whatever
   *       the key.
   * </ul>
   *
   * An empty or absent value is not a secret, nor is a reference to one held elsewhere ({@link
   * #isReference}: {@code ${secretsManager:orders:db.password}}), which is shown as written.
   */
  public static boolean isSecret(String key, String value) {
    if (value == null || value.isEmpty() || isReference(value)) {
      return false;
    }
    if (URL_PASSWORD.matcher(value).find()) {
      return true;
    }
    if (!isSecretKey(key)) {
      return false;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    boolean names = NAMING_SEGMENT.matcher(lower).find() && !lower.contains("jaas");
    return !(names && NAME_SHAPED.matcher(value).matches());
  }

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

  /**
   * A copy of {@code config} with secret values ({@link #isSecret}) replaced by {@link #REDACTED}.
   */
  public static Map<String, String> redactConfig(Map<String, String> config) {
    Map<String, String> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, redactValue(k, v)));
    return out;
  }

  /**
   * {@code value}, or {@link #REDACTED} when {@code key = value} is a secret ({@link #isSecret}).
   */
  public static String redactValue(String key, String value) {
    return isSecret(key, value) ? REDACTED : value;
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
  public static @Nullable String redactSecrets(@Nullable String text, Collection<String> secrets) {
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
