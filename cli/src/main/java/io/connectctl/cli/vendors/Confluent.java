package io.connectctl.cli.vendors;

import static io.connectctl.cli.vendors.VendorDescription.given;
import static io.connectctl.cli.vendors.VendorDescription.ordered;

import io.connectctl.cli.YamlInput;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confluent Cloud: an environment and a Kafka cluster; an API key and secret (or a YAML file
 * holding them).
 */
final class Confluent {
  /** {@code environment}: the environment id. */
  static final ContextKey<String> ENVIRONMENT =
      ContextKey.flag("environment", "ID", "Confluent: the environment id (env-…)");

  /** {@code cluster}: the Kafka cluster id. */
  static final ContextKey<String> CLUSTER =
      ContextKey.flag("cluster", "ID", "Confluent: the Kafka cluster id (lkc-…)");

  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.CONFLUENT,
          ConfluentConnectorClient.CAPABILITIES,
          List.of(
              ContextKey.URL,
              ENVIRONMENT,
              CLUSTER,
              ContextKey.ALLOW_INSECURE_HTTP,
              ContextKey.REQUEST_TIMEOUT),
          List.of(ENVIRONMENT, CLUSTER),
          VendorDescription.ContextCheck.NONE,
          ordered("api-key", "CONFLUENT_CLOUD_API_KEY", "api-secret", "CONFLUENT_CLOUD_API_SECRET"),
          List.of(Set.of("api-key", "api-secret")),
          Confluent::apiKeyFile,
          (target, variables) -> EnvironmentCredentials.confluent(variables),
          target -> {
            ConfluentConnectorClient.Builder builder =
                ConfluentConnectorClient.builder()
                    .environment(target.get(ENVIRONMENT))
                    .kafkaCluster(target.get(CLUSTER));
            given(target.get(ContextKey.URL)).ifPresent(builder::baseUrl);
            return builder;
          },
          target -> target.get(ENVIRONMENT) + "/" + target.get(CLUSTER));

  private Confluent() {}

  /** A YAML file with {@code api-key} and {@code api-secret}. */
  private static Map<String, String> apiKeyFile(
      String where, java.nio.file.Path file, String text) {
    Object parsed =
        YamlInput.load(
            text,
            true,
            e -> VendorDescription.fileProblem(where + " is not YAML with api-key and api-secret"));
    if (!(parsed instanceof Map<?, ?> map)
        || map.get("api-key") == null
        || map.get("api-secret") == null) {
      throw VendorDescription.fileProblem(where + " must hold 'api-key' and 'api-secret'");
    }
    return Map.of(
        "CONFLUENT_CLOUD_API_KEY",
        String.valueOf(map.get("api-key")),
        "CONFLUENT_CLOUD_API_SECRET",
        String.valueOf(map.get("api-secret")));
  }
}
