package io.connectctl.cli.vendors;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.Credentials;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Everything the CLI knows about one vendor, in one place: the context keys of the config file (each also a target
 * flag, {@code --KEY}), which are required, the credential fields, how a credentials file reads, what the vendor
 * supports and how its facade client is built. A new vendor is one new description (listed in
 * {@link VendorDescriptions}) plus its facade client; nothing else in the CLI switches on the vendor.
 */
public interface VendorDescription {
  /** The vendor. */
  Vendor vendor();

  /** What the vendor supports, known before any client or credentials exist. */
  Capabilities capabilities();

  /**
   * The context keys besides {@code vendor} and {@code credentials}, in the order they are listed. Each key is also
   * the target flag {@code --KEY} (e.g. {@code url} and {@code --url}).
   */
  List<String> keys();

  /** The keys a context must set; for an ad-hoc target, the flags that must be given, with their value labels. */
  Map<String, String> required();

  /** The credential fields of a {@code credentials.env} or {@code credentials.inline} section. */
  Map<String, String> credentialFields();

  /** The field sets the vendor accepts (exactly one of them, complete). */
  List<Set<String>> credentialCombinations();

  /**
   * The credential variables (the facade's names) a credentials file holds.
   *
   * @param where the context and file, for messages
   * @param file the file
   * @param text its trimmed, non-empty content
   */
  Map<String, String> credentialsFile(String where, Path file, String text);

  /** The facade credentials from {@code variables} (the facade's own environment variable names). */
  Credentials credentials(Target target, Map<String, String> variables);

  /** A builder for {@code target}; empty target fields are left to the builder's defaults. */
  ClientBuilder<?> builder(Target target);

  /** The scope in one short string (Connect cluster, environment/cluster, cluster id). */
  String scope(Target target);

  /**
   * Builds the client for {@code target}.
   *
   * @param http a client to derive from, if any
   * @param environment the run's environment (the proxy variables are read from it)
   */
  default ConnectorClient client(Target target, Credentials credentials, Optional<OkHttpClient> http,
      Map<String, String> environment) {
    ClientBuilder<?> builder = builder(target);
    builder.credentials(credentials);
    builder.proxyEnvironment(environment);
    http.ifPresent(builder::okHttpClient);
    return builder.build();
  }

  /** An ordered, unmodifiable map from alternating keys and values. */
  static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
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
