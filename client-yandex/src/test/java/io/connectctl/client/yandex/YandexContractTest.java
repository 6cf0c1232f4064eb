package io.connectctl.client.yandex;

import io.connectctl.client.yandex.api.ClusterOperationsApi;
import io.connectctl.client.yandex.api.ConnectorsApi;
import io.connectctl.client.yandex.api.OperationsApi;
import io.connectctl.testkit.ContractSuite;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation of the Yandex spec, through the generated client, against Prism. */
class YandexContractTest {
  @RegisterExtension
  static final PrismExtension PRISM =
      PrismExtension.forSpec(Specs.YANDEX).withDynamicSeeds(1, 2, 3);

  @TestFactory
  Stream<DynamicNode> everyOperation() {
    return ContractSuite.of(
            PRISM,
            "io.connectctl.client.yandex.model",
            "Bearer t1.test-iam-token",
            ConnectorsApi.class,
            ClusterOperationsApi.class,
            OperationsApi.class)
        .tests(PRISM);
  }
}
