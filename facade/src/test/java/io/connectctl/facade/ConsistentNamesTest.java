package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builders and options are named, not positional (issue 22, item 6). */
class ConsistentNamesTest {
  @Test
  void kafkaConnectTakesItsUrlAsBaseUrlLikeEveryVendor() {
    try (KafkaConnectConnectorClient client =
        KafkaConnectConnectorClient.builder().baseUrl("http://127.0.0.1:18083").build()) {
      assertEquals(List.of("http://127.0.0.1:18083/"), client.urls());
    }
  }

  @Test
  void restartOptionsHaveNamedFactories() {
    assertEquals(new RestartOptions(false, false), RestartOptions.connectorOnly());
    assertEquals(new RestartOptions(true, false), RestartOptions.connectorAndTasks());
    assertEquals(new RestartOptions(false, true), RestartOptions.onlyFailedInstances());
    assertEquals(new RestartOptions(true, true), RestartOptions.failedTasksToo());
  }

  @Test
  void pollingPolicyBuilderNamesEachSetting() {
    PollingPolicy policy =
        PollingPolicy.builder()
            .initialDelay(java.time.Duration.ofMillis(100))
            .multiplier(1.5)
            .maxDelay(java.time.Duration.ofSeconds(1))
            .firstDelay(java.time.Duration.ofMillis(50))
            .elapsedShare(0.2)
            .quietPeriod(java.time.Duration.ofMillis(700))
            .build();
    assertEquals(java.time.Duration.ofMillis(50), policy.firstDelay());
    assertEquals(0.2, policy.elapsedShare());
    assertTrue(policy.toBuilder().build().equals(policy));
  }
}
