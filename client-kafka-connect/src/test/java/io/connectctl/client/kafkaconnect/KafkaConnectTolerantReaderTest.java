package io.connectctl.client.kafkaconnect;

import io.connectctl.client.kafkaconnect.api.ClusterApi;
import io.connectctl.client.kafkaconnect.api.ConnectorPluginsApi;
import io.connectctl.client.kafkaconnect.api.ConnectorsApi;
import io.connectctl.client.kafkaconnect.api.LoggersApi;
import io.connectctl.client.kafkaconnect.api.OffsetsApi;
import io.connectctl.client.kafkaconnect.api.TasksApi;
import io.connectctl.testkit.Specs;
import io.connectctl.testkit.TolerantReaderSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every response example of the Kafka Connect spec parses with each optional field left out and
 * with an unknown one added.
 */
class KafkaConnectTolerantReaderTest {
  @TestFactory
  Stream<DynamicNode> everyResponseExample() {
    return TolerantReaderSuite.of(
            Specs.path(Specs.KAFKA_CONNECT),
            "io.connectctl.client.kafkaconnect.model",
            ClusterApi.class,
            ConnectorsApi.class,
            TasksApi.class,
            OffsetsApi.class,
            ConnectorPluginsApi.class,
            LoggersApi.class)
        .tests();
  }
}
