package io.connectctl.client.confluent;

import io.connectctl.client.confluent.api.ConnectorPluginsApi;
import io.connectctl.client.confluent.api.ConnectorsApi;
import io.connectctl.client.confluent.api.OffsetsApi;
import io.connectctl.testkit.ContractSuite;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the Confluent spec, through the generated client, against Prism. */
class ConfluentContractTest {
  @RegisterExtension
  static final PrismExtension PRISM =
      PrismExtension.forSpec(Specs.CONFLUENT).withDynamicSeeds(1, 2, 3);

  @TestFactory
  Stream<DynamicNode> everyOperation() {
    return ContractSuite.of(
            PRISM,
            "io.connectctl.client.confluent.model",
            okhttp3.Credentials.basic("TESTKEY", "test-secret"),
            ConnectorsApi.class,
            OffsetsApi.class,
            ConnectorPluginsApi.class)
        .tests(PRISM);
  }
}
