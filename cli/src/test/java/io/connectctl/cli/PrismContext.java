package io.connectctl.cli;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The context each vendor's Prism CLI tests run in ({@link PrismCliTest}): its settings for Prism
 * at a base URL, and the environment variables holding its dummy credentials.
 */
enum PrismContext {
  REDPANDA(
      url ->
          "    vendor: redpanda\n    url: "
              + url
              + "\n    credentials: {env: {token: RP_TEST_TOKEN}}\n",
      Map.of("RP_TEST_TOKEN", "rp-test-token-value")),
  CONFLUENT(
      url ->
          "    vendor: confluent\n    url: "
              + url
              + "\n    environment: env-a1b2c3\n    cluster: lkc-x1y2z3\n"
              + "    credentials: {env: {api-key: CC_KEY, api-secret: CC_SECRET}}\n",
      Map.of("CC_KEY", "CCKEY123", "CC_SECRET", "cc-secret-value")),
  YANDEX(
      url ->
          "    vendor: yandex\n    url: "
              + url
              + "\n    operation-url: "
              + url
              + "\n"
              + "    cluster: c9qbkmoiimsl6e7dc3j2\n    credentials: {env: {iam-token: YC_TEST_IAM}}\n",
      Map.of("YC_TEST_IAM", "yc-test-iam-value")),
  KAFKA_CONNECT(url -> "    vendor: kafka-connect\n    url: " + url + "\n", Map.of());

  private final UnaryOperator<String> settings;
  private final Map<String, String> credentials;

  PrismContext(UnaryOperator<String> settings, Map<String, String> credentials) {
    this.settings = settings;
    this.credentials = credentials;
  }

  /** The context settings (YAML lines under the context name, 4-space indented) for {@code url}. */
  String settings(String url) {
    return settings.apply(url);
  }

  /** The environment variables holding the context's credentials. */
  Map<String, String> credentials() {
    return credentials;
  }
}
