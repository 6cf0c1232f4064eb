package io.connectctl.client.yandex;

import io.connectctl.client.yandex.api.ClusterOperationsApi;
import io.connectctl.client.yandex.api.ConnectorsApi;
import io.connectctl.client.yandex.api.OperationsApi;
import io.connectctl.testkit.Specs;
import io.connectctl.testkit.TolerantReaderSuite;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every response example of the Yandex spec parses with each optional field left out and with an
 * unknown one added.
 */
class YandexTolerantReaderTest {
  @TestFactory
  Stream<DynamicNode> everyResponseExample() {
    return TolerantReaderSuite.of(
            Specs.path(Specs.YANDEX),
            "io.connectctl.client.yandex.model",
            ConnectorsApi.class,
            ClusterOperationsApi.class,
            OperationsApi.class)
        .tests();
  }
}
