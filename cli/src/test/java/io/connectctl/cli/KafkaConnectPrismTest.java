package io.connectctl.cli;

import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared Prism CLI checks ({@link PrismCliTest}: export, diff, apply with no write, {@code
 * config get | apply}) against the self-managed Kafka Connect spec served by Prism; the same
 * behaviour on the real worker is in {@link KafkaConnectAsCodeTest}.
 */
class KafkaConnectPrismTest extends PrismCliTest {
  @RegisterExtension
  static final PrismExtension PRISM = PrismExtension.forSpec(Specs.KAFKA_CONNECT);

  @Override
  String baseUrl() {
    return PRISM.server().baseUrl();
  }

  @Override
  String context(String baseUrl) {
    return "    vendor: kafka-connect\n    url: " + baseUrl + "\n";
  }

  @Override
  Map<String, String> credentials() {
    return Map.of();
  }
}
