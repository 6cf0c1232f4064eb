package io.connectctl.client.redpanda;

import io.connectctl.client.redpanda.api.ConnectClustersApi;
import io.connectctl.client.redpanda.api.ConnectorsApi;
import io.connectctl.client.redpanda.api.SecretsApi;
import io.connectctl.testkit.Specs;
import io.connectctl.testkit.TolerantReaderSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every response example of the Redpanda spec parses with each optional field left out and with an
 * unknown one added.
 */
class RedpandaTolerantReaderTest {
  @TestFactory
  Stream<DynamicNode> everyResponseExample() {
    return TolerantReaderSuite.of(
            Specs.path(Specs.REDPANDA),
            "io.connectctl.client.redpanda.model",
            ConnectClustersApi.class,
            ConnectorsApi.class,
            SecretsApi.class)
        .tests();
  }
}
