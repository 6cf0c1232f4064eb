package io.connectctl.cli.vendors;

import static io.connectctl.cli.vendors.VendorDescription.given;
import static io.connectctl.cli.vendors.VendorDescription.ordered;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redpanda Cloud: a Data Plane API URL, a Connect cluster; a token (or token file) or OAuth2 client
 * credentials.
 */
final class Redpanda {
  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.REDPANDA,
          RedpandaConnectorClient.CAPABILITIES,
          List.of("url", "connect-cluster", "token-url"),
          Map.of("url", "URL"),
          ordered(
              "token",
              "REDPANDA_TOKEN",
              "client-id",
              "REDPANDA_CLIENT_ID",
              "client-secret",
              "REDPANDA_CLIENT_SECRET"),
          List.of(Set.of("token"), Set.of("client-id", "client-secret")),
          (where, file, text) -> Map.of("REDPANDA_TOKEN", text),
          (target, variables) ->
              EnvironmentCredentials.redpanda(
                  variables,
                  given(target.tokenUrl()).orElse(RedpandaConnectorClient.DEFAULT_TOKEN_URL)),
          target -> {
            RedpandaConnectorClient.Builder builder =
                RedpandaConnectorClient.builder().baseUrl(target.url());
            given(target.connectCluster()).ifPresent(builder::connectCluster);
            given(target.tokenUrl()).ifPresent(builder::tokenUrl);
            return builder;
          },
          target ->
              given(target.connectCluster())
                  .orElse(RedpandaConnectorClient.DEFAULT_CONNECT_CLUSTER));

  private Redpanda() {}
}
