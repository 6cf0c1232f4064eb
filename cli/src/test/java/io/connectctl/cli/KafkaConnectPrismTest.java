package io.connectctl.cli;

import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared Prism CLI checks ({@link PrismCliTest}: export, diff, apply with no write, {@code
 * config get | apply}) against the self-managed Kafka Connect spec served by Prism; the same
 * behaviour on the real worker is in {@link KafkaConnectAsCodeTest}.
 */
class KafkaConnectPrismTest extends PrismCliTest {
  @RegisterExtension
  static final PrismExtension PRISM = PrismExtension.forSpec(Specs.KAFKA_CONNECT);

  KafkaConnectPrismTest() {
    super(PRISM, PrismContext.KAFKA_CONNECT);
  }
}
