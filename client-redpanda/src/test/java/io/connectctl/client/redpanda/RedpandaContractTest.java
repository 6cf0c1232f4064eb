package io.connectctl.client.redpanda;

import io.connectctl.client.redpanda.api.ConnectClustersApi;
import io.connectctl.client.redpanda.api.ConnectorsApi;
import io.connectctl.client.redpanda.api.SecretsApi;
import io.connectctl.testkit.ContractSuite;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the Redpanda spec, through the generated client, against Prism. */
class RedpandaContractTest {
  @RegisterExtension
  static final PrismExtension PRISM =
      PrismExtension.forSpec(Specs.REDPANDA).withDynamicSeeds(1, 2, 3);

  @TestFactory
  Stream<DynamicNode> everyOperation() {
    return ContractSuite.of(
            PRISM,
            "io.connectctl.client.redpanda.model",
            "Bearer test-redpanda-token",
            ConnectClustersApi.class,
            ConnectorsApi.class,
            SecretsApi.class)
        .tests(PRISM);
  }
}
