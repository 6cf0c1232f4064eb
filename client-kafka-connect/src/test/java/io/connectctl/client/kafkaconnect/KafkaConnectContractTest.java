package io.connectctl.client.kafkaconnect;

import io.connectctl.client.kafkaconnect.api.ClusterApi;
import io.connectctl.client.kafkaconnect.api.ConnectorPluginsApi;
import io.connectctl.client.kafkaconnect.api.ConnectorsApi;
import io.connectctl.client.kafkaconnect.api.LoggersApi;
import io.connectctl.client.kafkaconnect.api.OffsetsApi;
import io.connectctl.client.kafkaconnect.api.TasksApi;
import io.connectctl.testkit.ContractSuite;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the Kafka Connect spec, through the generated client, against Prism. */
class KafkaConnectContractTest {
  @RegisterExtension
  static final PrismExtension PRISM =
      PrismExtension.forSpec(Specs.KAFKA_CONNECT).withDynamicSeeds(1, 2, 3);

  @TestFactory
  Stream<DynamicNode> everyOperation() {
    return ContractSuite.of(
            PRISM,
            "io.connectctl.client.kafkaconnect.model",
            "Basic Y29ubmVjdDpjb25uZWN0LXNlY3JldA==",
            ClusterApi.class,
            ConnectorsApi.class,
            TasksApi.class,
            OffsetsApi.class,
            ConnectorPluginsApi.class,
            LoggersApi.class)
        .tests(PRISM);
  }
}
