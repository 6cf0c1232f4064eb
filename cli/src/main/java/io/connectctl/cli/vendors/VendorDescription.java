package io.connectctl.cli.vendors;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConfigurationException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Everything the CLI knows about one vendor, in one place: the context keys of the config file
 * ({@link ContextKey}s: how each reads, and for most the target flag {@code --KEY} it also is),
 * which are required, the credential fields, how a credentials file reads, what the vendor supports
 * and how its facade client is built. A new vendor is one new description (a constant listed in
 * {@link VendorDescriptions}) plus its facade client; a new kind of context key is one more {@link
 * ContextKey} in the vendor that has it (the config file, the flags, the {@link
 * io.connectctl.cli.config.Target} and the help follow). Nothing else in the CLI switches on the
 * vendor.
 *
 * @param vendor the vendor
 * @param capabilities what the vendor supports, known before any client or credentials exist
 * @param keys the context keys besides {@code vendor} and {@code credentials}, in the order they
 *     are listed; those that are flags are also the target flag {@code --KEY} (e.g. {@code url} and
 *     {@code --url})
 * @param requiredKeys the keys (flags, among {@code keys}) a context must set; an ad-hoc target
 *     must give them as {@code --KEY LABEL}
 * @param check checks a context's keys together once each was read (for example two keys that
 *     exclude each other); {@link ContextCheck#NONE} when there is nothing to check
 * @param credentialFields the fields of {@code credentials.env} / {@code credentials.inline}, each
 *     with the facade environment variable it stands for
 * @param credentialCombinations the field sets the vendor accepts (exactly one of them, complete)
 * @param credentialsFile the facade variables a credentials file holds
 * @param credentials the facade credentials from the facade variables
 * @param builder a builder for a target (empty target fields are left to the builder's defaults)
 * @param scope the scope in one short string (Connect cluster, environment/cluster, cluster id)
 */
public record VendorDescription(
    Vendor vendor,
    Capabilities capabilities,
    List<ContextKey<?>> keys,
    List<ContextKey<String>> requiredKeys,
    ContextCheck check,
    Map<String, String> credentialFields,
    List<Set<String>> credentialCombinations,
    FileReader credentialsFile,
    BiFunction<Target, Map<String, String>, Credentials> credentials,
    Function<Target, ClientBuilder<?>> builder,
    Function<Target, String> scope) {

  /** Reads a credentials file into facade variables. */
  @FunctionalInterface
  public interface FileReader {
    /**
     * @param where the context and file, for messages
     * @param file the file
     * @param text its trimmed, non-empty content
     * @throws CliException (exit 3) when the file does not hold what the vendor needs
     */
    Map<String, String> read(String where, Path file, String text);
  }

  /** Checks the keys of one context together, after each was read on its own. */
  @FunctionalInterface
  public interface ContextCheck {
    /** Nothing to check. */
    ContextCheck NONE = (where, values) -> {};

    /**
     * @param where the file and context, for messages
     * @param values the values read, by key name; the check may add values derived from others
     * @throws CliException (exit 2) naming the keys at fault
     */
    void check(String where, Map<String, Object> values);
  }

  /** Validates and copies. */
  public VendorDescription {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(capabilities, "capabilities");
    keys = List.copyOf(keys);
    requiredKeys = List.copyOf(requiredKeys);
    if (!keys.containsAll(requiredKeys)) {
      throw new IllegalArgumentException("required keys must be among the keys: " + requiredKeys);
    }
    Objects.requireNonNull(check, "check");
    credentialFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentialFields));
    credentialCombinations = List.copyOf(credentialCombinations);
    Objects.requireNonNull(credentialsFile, "credentialsFile");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(scope, "scope");
  }

  /** The names of {@link #keys()}, in order. */
  public List<String> keyNames() {
    return keys.stream().map(ContextKey::name).toList();
  }

  /** The names of the required keys, each with its flag's value label, in order. */
  public Map<String, String> required() {
    Map<String, String> labels = new LinkedHashMap<>();
    requiredKeys.forEach(key -> labels.put(key.name(), key.label().orElseThrow()));
    return java.util.Collections.unmodifiableMap(labels);
  }

  /** The key named {@code name}, if this vendor has it. */
  public Optional<ContextKey<?>> key(String name) {
    return keys.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  /**
   * Builds the client for {@code target}.
   *
   * @param http a client to derive from, if any
   * @param environment the run's environment (the proxy variables are read from it)
   */
  public ConnectorClient client(
      Target target,
      Credentials credentials,
      Optional<OkHttpClient> http,
      Map<String, String> environment) {
    ClientBuilder<?> configured = builder.apply(target);
    configured.credentials(credentials);
    configured.proxyEnvironment(environment);
    boolean allowInsecureHttp = target.get(ContextKey.ALLOW_INSECURE_HTTP);
    configured.allowInsecureHttp(allowInsecureHttp);
    java.time.Duration requestTimeout = target.get(ContextKey.REQUEST_TIMEOUT);
    if (!requestTimeout.isZero()) {
      configured.readTimeout(requestTimeout);
      configured.callTimeout(requestTimeout);
    }
    http.ifPresent(configured::okHttpClient);
    try {
      return configured.build();
    } catch (ConfigurationException e) {
      if (allowInsecureHttp || !e.getMessage().contains(PLAIN_HTTP)) {
        throw e;
      }
      throw CliException.usage(insecureHttpMessage(e.getMessage()));
    }
  }

  /**
   * {@code facadeMessage} with each facade setting a key stands for ({@link ContextKey#forSetting})
   * replaced by the key and its flag: {@code caFile} reads {@code tls.ca-file (--ca-file)}. The one
   * place the CLI rewords the facade's names of settings.
   */
  public String inContextTerms(String facadeMessage) {
    String message = facadeMessage;
    for (ContextKey<?> key : keys) {
      if (key.setting().isPresent()) {
        message =
            message.replaceAll(
                "\\b" + java.util.regex.Pattern.quote(key.setting().get()) + "\\b",
                java.util.regex.Matcher.quoteReplacement(key.shownAs()));
      }
    }
    return message;
  }

  /** How the facade's refusal of plain http with credentials starts its reason. */
  private static final String PLAIN_HTTP = "uses plain http:// to ";

  /**
   * The facade's refusal of plain http with credentials, with the CLI's two ways to allow it named
   * in place of the SDK's.
   */
  static String insecureHttpMessage(String facadeMessage) {
    int advice = facadeMessage.indexOf("; use https://");
    String reason = advice < 0 ? facadeMessage : facadeMessage.substring(0, advice);
    return reason
        + "; use https://, or allow plain http with credentials: '"
        + ContextKey.ALLOW_INSECURE_HTTP.name()
        + ": true' in the context, or --allow-insecure-http";
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** {@code value} unless it is empty. */
  static Optional<String> given(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A credentials-file problem (exit 3). */
  static CliException fileProblem(String message) {
    return new CliException(ExitCode.AUTH, message);
  }
}
