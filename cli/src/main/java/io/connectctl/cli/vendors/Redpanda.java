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
  /** {@code connect-cluster}: the Connect cluster. */
  static final ContextKey<String> CONNECT_CLUSTER =
      ContextKey.flag(
          "connect-cluster", "NAME", "Redpanda: the Connect cluster (default redpanda)");

  /** {@code token-url}: the OAuth2 token endpoint. */
  static final ContextKey<String> TOKEN_URL =
      ContextKey.flag("token-url", "URL", "Redpanda: the OAuth2 token endpoint");

  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.REDPANDA,
          RedpandaConnectorClient.CAPABILITIES,
          List.of(
              ContextKey.URL,
              CONNECT_CLUSTER,
              TOKEN_URL,
              ContextKey.ALLOW_INSECURE_HTTP,
              ContextKey.REQUEST_TIMEOUT),
          List.of(ContextKey.URL),
          VendorDescription.ContextCheck.NONE,
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
                  given(target.get(TOKEN_URL)).orElse(RedpandaConnectorClient.DEFAULT_TOKEN_URL)),
          target -> {
            RedpandaConnectorClient.Builder builder =
                RedpandaConnectorClient.builder().baseUrl(target.get(ContextKey.URL));
            given(target.get(CONNECT_CLUSTER)).ifPresent(builder::connectCluster);
            given(target.get(TOKEN_URL)).ifPresent(builder::tokenUrl);
            return builder;
          },
          target ->
              given(target.get(CONNECT_CLUSTER))
                  .orElse(RedpandaConnectorClient.DEFAULT_CONNECT_CLUSTER));

  private Redpanda() {}
}
