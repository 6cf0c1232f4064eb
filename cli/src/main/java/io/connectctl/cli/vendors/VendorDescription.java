package io.connectctl.cli.vendors;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
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
 * (each also a target flag, {@code --KEY}), which are required, the credential fields, how a
 * credentials file reads, what the vendor supports and how its facade client is built. A new vendor
 * is one new description (a constant listed in {@link VendorDescriptions}) plus its facade client;
 * nothing else in the CLI switches on the vendor.
 *
 * @param vendor the vendor
 * @param capabilities what the vendor supports, known before any client or credentials exist
 * @param keys the context keys besides {@code vendor} and {@code credentials}, in the order they
 *     are listed; each is also the target flag {@code --KEY} (e.g. {@code url} and {@code --url})
 * @param required the keys a context must set, with the value label an ad-hoc {@code --KEY LABEL}
 *     shows
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
    List<String> keys,
    Map<String, String> required,
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

  /** Validates and copies. */
  public VendorDescription {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(capabilities, "capabilities");
    keys = List.copyOf(keys);
    required = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(required));
    credentialFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(credentialFields));
    credentialCombinations = List.copyOf(credentialCombinations);
    Objects.requireNonNull(credentialsFile, "credentialsFile");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(scope, "scope");
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
    http.ifPresent(configured::okHttpClient);
    return configured.build();
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
