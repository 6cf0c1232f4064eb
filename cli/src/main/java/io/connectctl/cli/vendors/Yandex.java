package io.connectctl.cli.vendors;

import static io.connectctl.cli.vendors.VendorDescription.given;
import static io.connectctl.cli.vendors.VendorDescription.ordered;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yandex Cloud Managed Kafka: a cluster id; an IAM token, an OAuth token or a service-account key
 * (a file holding either a key, JSON, or an IAM token).
 */
final class Yandex {
  /** {@code cluster}: the Managed Kafka cluster id. */
  static final ContextKey<String> CLUSTER =
      ContextKey.flag("cluster", "ID", "Yandex: the cluster id");

  /** {@code operation-url}: the operations API base URL. */
  static final ContextKey<String> OPERATION_URL =
      ContextKey.flag("operation-url", "URL", "Yandex: the operations API base URL");

  /** {@code iam-url}: the IAM token endpoint. */
  static final ContextKey<String> IAM_URL =
      ContextKey.flag("iam-url", "URL", "Yandex: the IAM token endpoint");

  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.YANDEX,
          YandexConnectorClient.CAPABILITIES,
          List.of(
              ContextKey.URL,
              CLUSTER,
              OPERATION_URL,
              IAM_URL,
              ContextKey.ALLOW_INSECURE_HTTP,
              ContextKey.REQUEST_TIMEOUT),
          List.of(CLUSTER),
          VendorDescription.ContextCheck.NONE,
          ordered(
              "iam-token",
              "YC_IAM_TOKEN",
              "oauth-token",
              "YC_TOKEN",
              "service-account-key-file",
              "YC_SERVICE_ACCOUNT_KEY_FILE"),
          List.of(Set.of("iam-token"), Set.of("oauth-token"), Set.of("service-account-key-file")),
          (where, file, text) ->
              text.startsWith("{")
                  ? Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", file.toString())
                  : Map.of("YC_IAM_TOKEN", text),
          (target, variables) ->
              EnvironmentCredentials.yandex(
                  variables,
                  given(target.get(IAM_URL)).orElse(YandexConnectorClient.DEFAULT_IAM_URL)),
          target -> {
            YandexConnectorClient.Builder builder =
                YandexConnectorClient.builder().clusterId(target.get(CLUSTER));
            given(target.get(ContextKey.URL)).ifPresent(builder::baseUrl);
            given(target.get(OPERATION_URL)).ifPresent(builder::operationsUrl);
            given(target.get(IAM_URL)).ifPresent(builder::iamUrl);
            return builder;
          },
          target -> target.get(CLUSTER));

  private Yandex() {}
}
