package io.connectctl.cli.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where a context's credentials come from. Never holds a secret except {@link Inline}, which the
 * config file only accepts with {@code insecure-inline-secret: true}, and whose {@code toString}
 * hides the values.
 */
public sealed interface CredentialSource {

  /**
   * The facade's own variables ({@code REDPANDA_TOKEN}, {@code CONFLUENT_CLOUD_API_KEY} …) from the
   * environment.
   */
  record DefaultEnvironment() implements CredentialSource {}

  /**
   * Environment variables with names of the user's choosing.
   *
   * @param variables credential field (e.g. {@code token}, {@code api-key}) → environment variable
   *     name
   */
  record Environment(Map<String, String> variables) implements CredentialSource {
    /** Copies. */
    public Environment {
      variables = Map.copyOf(variables);
    }
  }

  /**
   * A file: a Redpanda access token, a Yandex service-account key (JSON) or IAM token, or for
   * Confluent a YAML file with {@code api-key} and {@code api-secret}.
   *
   * @param path the path as written ({@code ~} is expanded when read)
   */
  record File(String path) implements CredentialSource {
    /** Validates. */
    public File {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Secrets written in the config file itself (explicitly opted into).
   *
   * @param values credential field → value
   */
  record Inline(Map<String, String> values) implements CredentialSource {
    /** Copies. */
    public Inline {
      values = Map.copyOf(values);
    }

    @Override
    public String toString() {
      return "Inline[" + values.keySet() + "]";
    }
  }
}
