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
  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.YANDEX,
          YandexConnectorClient.CAPABILITIES,
          List.of("url", "cluster", "operation-url", "iam-url"),
          Map.of("cluster", "ID"),
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
                  variables, given(target.iamUrl()).orElse(YandexConnectorClient.DEFAULT_IAM_URL)),
          target -> {
            YandexConnectorClient.Builder builder =
                YandexConnectorClient.builder().clusterId(target.cluster());
            given(target.url()).ifPresent(builder::baseUrl);
            given(target.operationUrl()).ifPresent(builder::operationsUrl);
            given(target.iamUrl()).ifPresent(builder::iamUrl);
            return builder;
          },
          target -> target.cluster());

  private Yandex() {}
}
