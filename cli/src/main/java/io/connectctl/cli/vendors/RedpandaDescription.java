package io.connectctl.cli.vendors;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Redpanda Cloud: a Data Plane API URL, a Connect cluster, a token or OAuth2 client credentials. */
final class RedpandaDescription implements VendorDescription {
  @Override
  public Vendor vendor() {
    return Vendor.REDPANDA;
  }

  @Override
  public Capabilities capabilities() {
    return RedpandaConnectorClient.CAPABILITIES;
  }

  @Override
  public List<String> keys() {
    return List.of("url", "connect-cluster", "token-url");
  }

  @Override
  public Map<String, String> required() {
    return Map.of("url", "URL");
  }

  @Override
  public Map<String, String> credentialFields() {
    return VendorDescription.ordered("token", "REDPANDA_TOKEN", "client-id", "REDPANDA_CLIENT_ID",
        "client-secret", "REDPANDA_CLIENT_SECRET");
  }

  @Override
  public List<Set<String>> credentialCombinations() {
    return List.of(Set.of("token"), Set.of("client-id", "client-secret"));
  }

  /** A token file. */
  @Override
  public Map<String, String> credentialsFile(String where, Path file, String text) {
    return Map.of("REDPANDA_TOKEN", text);
  }

  @Override
  public Credentials credentials(Target target, Map<String, String> variables) {
    return EnvironmentCredentials.redpanda(variables,
        VendorDescription.given(target.tokenUrl()).orElse(RedpandaConnectorClient.DEFAULT_TOKEN_URL));
  }

  @Override
  public ClientBuilder<?> builder(Target target) {
    RedpandaConnectorClient.Builder builder = RedpandaConnectorClient.builder().baseUrl(target.url());
    VendorDescription.given(target.connectCluster()).ifPresent(builder::connectCluster);
    VendorDescription.given(target.tokenUrl()).ifPresent(builder::tokenUrl);
    return builder;
  }

  @Override
  public String scope(Target target) {
    return VendorDescription.given(target.connectCluster()).orElse(RedpandaConnectorClient.DEFAULT_CONNECT_CLUSTER);
  }
}
