package io.connectctl.client.confluent;

import io.connectctl.client.confluent.api.ConnectorPluginsApi;
import io.connectctl.client.confluent.api.ConnectorsApi;
import io.connectctl.client.confluent.api.OffsetsApi;
import io.connectctl.testkit.Specs;
import io.connectctl.testkit.TolerantReaderSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every response example of the Confluent spec parses with each optional field left out and with an
 * unknown one added.
 */
class ConfluentTolerantReaderTest {
  @TestFactory
  Stream<DynamicNode> everyResponseExample() {
    return TolerantReaderSuite.of(
            Specs.path(Specs.CONFLUENT),
            "io.connectctl.client.confluent.model",
            ConnectorsApi.class,
            OffsetsApi.class,
            ConnectorPluginsApi.class)
        .tests();
  }
}
