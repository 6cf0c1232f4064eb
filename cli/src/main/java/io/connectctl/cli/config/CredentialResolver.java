package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a target's {@link CredentialSource} into facade {@link Credentials}. Whatever the source,
 * the values are put under the facade's own variable names and handed to the facade's {@code
 * EnvironmentCredentials}, so token exchange and every other rule stay in the facade. The
 * environment is a parameter (never {@code System.getenv()} directly) so the demo and tests can
 * supply their own.
 */
public final class CredentialResolver {
  private final Map<String, String> env;
  private final Path home;

  /**
   * @param env the environment variables to read
   * @param home the home directory, for {@code ~} in file paths
   */
  public CredentialResolver(Map<String, String> env, Path home) {
    this.env = Map.copyOf(env);
    this.home = home;
  }

  /**
   * The credentials for {@code target}.
   *
   * @throws CliException (exit 3) naming the context and the variable or file that is missing
   * @throws io.connectctl.facade.errors.UnauthorizedException (exit 3) when the facade's own
   *     variables are not set
   */
  public Credentials resolve(Target target) {
    return VendorDescriptions.of(target.vendor())
        .credentials()
        .apply(target, facadeVariables(target));
  }

  private Map<String, String> facadeVariables(Target target) {
    Map<String, String> names = VendorDescriptions.of(target.vendor()).credentialFields();
    CredentialSource source = target.credentials();
    if (source instanceof CredentialSource.Environment configured) {
      Map<String, String> out = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      // every missing one named at once, in a fixed order (the fields sorted)
      new TreeMap<>(configured.variables())
          .forEach(
              (field, variable) -> {
                String value = env.get(variable);
                if (value == null || value.isBlank()) {
                  missing.add(variable + " (credentials.env." + field + ")");
                } else {
                  out.put(names.get(field), value);
                }
              });
      if (!missing.isEmpty()) {
        throw new CliException(
            ExitCode.AUTH,
            "Context '"
                + target.context()
                + "': credentials "
                + (missing.size() == 1
                    ? "variable " + missing.get(0) + " is"
                    : "variables " + String.join(" and ", missing) + " are")
                + " not set");
      }
      return out;
    }
    if (source instanceof CredentialSource.Inline inline) {
      Map<String, String> out = new LinkedHashMap<>();
      inline.values().forEach((field, value) -> out.put(names.get(field), value));
      return out;
    }
    if (source instanceof CredentialSource.File file) {
      return fromFile(target, Paths.expand(file.path(), home));
    }
    return env;
  }

  private Map<String, String> fromFile(Target target, Path file) {
    String where = "Context '" + target.context() + "': credentials file " + file;
    if (!Files.isReadable(file)) {
      throw new CliException(
          ExitCode.AUTH, where + (Files.exists(file) ? " cannot be read" : " does not exist"));
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new CliException(ExitCode.AUTH, where + " cannot be read: " + e.getMessage());
    }
    if (text.isEmpty()) {
      throw new CliException(ExitCode.AUTH, where + " is empty");
    }
    return VendorDescriptions.of(target.vendor()).credentialsFile().read(where, file, text);
  }
}
