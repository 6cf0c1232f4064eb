package io.connectctl.cli.config;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.facade.auth.Credentials;
import io.connectctl.facade.auth.EnvironmentCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns a target's {@link CredentialSource} into facade {@link Credentials}. Whatever the source, the values are
 * put under the facade's own variable names and handed to {@link EnvironmentCredentials}, so token exchange and
 * every other rule stay in the facade. The environment is a parameter (never {@code System.getenv()} directly) so
 * the demo and tests can supply their own.
 */
public final class CredentialResolver {
  /** Redpanda's OAuth2 token endpoint, used when a context sets no {@code token-url}. */
  public static final String DEFAULT_REDPANDA_TOKEN_URL = "https://auth.prd.cloud.redpanda.com/oauth/token";
  /** Yandex's IAM token endpoint, used when a context sets no {@code iam-url}. */
  public static final String DEFAULT_YANDEX_IAM_URL = "https://iam.api.cloud.yandex.net/iam/v1/tokens";

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
   * @throws io.connectctl.facade.UnauthorizedException (exit 3) when the facade's own variables are not set
   */
  public Credentials resolve(Target target) {
    Map<String, String> variables = facadeVariables(target);
    return switch (target.vendor()) {
      case REDPANDA -> EnvironmentCredentials.redpanda(variables,
          target.tokenUrl().isEmpty() ? DEFAULT_REDPANDA_TOKEN_URL : target.tokenUrl());
      case CONFLUENT -> EnvironmentCredentials.confluent(variables);
      case YANDEX -> EnvironmentCredentials.yandex(variables,
          target.iamUrl().isEmpty() ? DEFAULT_YANDEX_IAM_URL : target.iamUrl());
    };
  }

  private Map<String, String> facadeVariables(Target target) {
    Map<String, String> names = CredentialsConfig.FIELDS.get(target.vendor());
    CredentialSource source = target.credentials();
    if (source instanceof CredentialSource.Environment configured) {
      Map<String, String> out = new LinkedHashMap<>();
      configured.variables().forEach((field, variable) -> {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
          throw new CliException(ExitCode.AUTH, "Context '" + target.context() + "': credentials variable " + variable
              + " (credentials.env." + field + ") is not set");
        }
        out.put(names.get(field), value);
      });
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
      throw new CliException(ExitCode.AUTH, where + (Files.exists(file) ? " cannot be read" : " does not exist"));
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
    return switch (target.vendor()) {
      case REDPANDA -> Map.of("REDPANDA_TOKEN", text);
      case YANDEX -> text.startsWith("{")
          ? Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", file.toString())
          : Map.of("YC_IAM_TOKEN", text);
      case CONFLUENT -> confluentFile(where, text);
    };
  }

  private static Map<String, String> confluentFile(String where, String text) {
    Object parsed;
    try {
      parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new CliException(ExitCode.AUTH, where + " is not YAML with api-key and api-secret");
    }
    if (!(parsed instanceof Map<?, ?> map) || map.get("api-key") == null || map.get("api-secret") == null) {
      throw new CliException(ExitCode.AUTH, where + " must hold 'api-key' and 'api-secret'");
    }
    return Map.of("CONFLUENT_CLOUD_API_KEY", String.valueOf(map.get("api-key")),
        "CONFLUENT_CLOUD_API_SECRET", String.valueOf(map.get("api-secret")));
  }
}
