package io.connectctl.cli.vendors;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Yandex Cloud Managed Kafka: a cluster id; an IAM token, an OAuth token or a service-account key file. */
final class YandexDescription implements VendorDescription {
  @Override
  public Vendor vendor() {
    return Vendor.YANDEX;
  }

  @Override
  public Capabilities capabilities() {
    return YandexConnectorClient.CAPABILITIES;
  }

  @Override
  public List<String> keys() {
    return List.of("url", "cluster", "operation-url", "iam-url");
  }

  @Override
  public Map<String, String> required() {
    return Map.of("cluster", "ID");
  }

  @Override
  public Map<String, String> credentialFields() {
    return VendorDescription.ordered("iam-token", "YC_IAM_TOKEN", "oauth-token", "YC_TOKEN",
        "service-account-key-file", "YC_SERVICE_ACCOUNT_KEY_FILE");
  }

  @Override
  public List<Set<String>> credentialCombinations() {
    return List.of(Set.of("iam-token"), Set.of("oauth-token"), Set.of("service-account-key-file"));
  }

  /** A service-account key (JSON) or an IAM token. */
  @Override
  public Map<String, String> credentialsFile(String where, Path file, String text) {
    return text.startsWith("{") ? Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", file.toString()) : Map.of("YC_IAM_TOKEN", text);
  }

  @Override
  public Credentials credentials(Target target, Map<String, String> variables) {
    return EnvironmentCredentials.yandex(variables,
        VendorDescription.given(target.iamUrl()).orElse(YandexConnectorClient.DEFAULT_IAM_URL));
  }

  @Override
  public ClientBuilder<?> builder(Target target) {
    YandexConnectorClient.Builder builder = YandexConnectorClient.builder().clusterId(target.cluster());
    VendorDescription.given(target.url()).ifPresent(builder::baseUrl);
    VendorDescription.given(target.operationUrl()).ifPresent(builder::operationsUrl);
    VendorDescription.given(target.iamUrl()).ifPresent(builder::iamUrl);
    return builder;
  }

  @Override
  public String scope(Target target) {
    return target.cluster();
  }
}
