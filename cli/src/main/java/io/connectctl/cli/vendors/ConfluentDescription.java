package io.connectctl.cli.vendors;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Confluent Cloud: an environment and a Kafka cluster, an API key and secret. */
final class ConfluentDescription implements VendorDescription {
  @Override
  public Vendor vendor() {
    return Vendor.CONFLUENT;
  }

  @Override
  public Capabilities capabilities() {
    return ConfluentConnectorClient.CAPABILITIES;
  }

  @Override
  public List<String> keys() {
    return List.of("url", "environment", "cluster");
  }

  @Override
  public Map<String, String> required() {
    return VendorDescription.ordered("environment", "ID", "cluster", "ID");
  }

  @Override
  public Map<String, String> credentialFields() {
    return VendorDescription.ordered("api-key", "CONFLUENT_CLOUD_API_KEY", "api-secret", "CONFLUENT_CLOUD_API_SECRET");
  }

  @Override
  public List<Set<String>> credentialCombinations() {
    return List.of(Set.of("api-key", "api-secret"));
  }

  /** A YAML file with {@code api-key} and {@code api-secret}. */
  @Override
  public Map<String, String> credentialsFile(String where, Path file, String text) {
    Object parsed;
    try {
      parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw VendorDescription.fileProblem(where + " is not YAML with api-key and api-secret");
    }
    if (!(parsed instanceof Map<?, ?> map) || map.get("api-key") == null || map.get("api-secret") == null) {
      throw VendorDescription.fileProblem(where + " must hold 'api-key' and 'api-secret'");
    }
    return Map.of("CONFLUENT_CLOUD_API_KEY", String.valueOf(map.get("api-key")),
        "CONFLUENT_CLOUD_API_SECRET", String.valueOf(map.get("api-secret")));
  }

  @Override
  public Credentials credentials(Target target, Map<String, String> variables) {
    return EnvironmentCredentials.confluent(variables);
  }

  @Override
  public ClientBuilder<?> builder(Target target) {
    ConfluentConnectorClient.Builder builder =
        ConfluentConnectorClient.builder().environment(target.environment()).kafkaCluster(target.cluster());
    VendorDescription.given(target.url()).ifPresent(builder::baseUrl);
    return builder;
  }

  @Override
  public String scope(Target target) {
    return target.environment() + "/" + target.cluster();
  }
}
