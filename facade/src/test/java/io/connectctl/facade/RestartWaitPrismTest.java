package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.testing.PrismTraffic;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Waiting after a restart or resume, through the Redpanda and Confluent clients against Prism: the
 * first status polls may still show the FAILED state from before the request, so FAILED ends the
 * wait only once the connector has shown some other state. The status examples are served in a
 * scripted order.
 */
class RestartWaitPrismTest {
  @RegisterExtension static final PrismExtension REDPANDA = PrismExtension.forSpec(Specs.REDPANDA);

  @RegisterExtension
  static final PrismExtension CONFLUENT = PrismExtension.forSpec(Specs.CONFLUENT);

  private static final String NAME = "orders-s3-sink";
  private static final PollingPolicy FAST =
      new PollingPolicy(Duration.ofMillis(5), 1.0, Duration.ofMillis(5));
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration STUCK = Duration.ofMillis(300);

  private final List<ConnectorClient> clients = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();
  private final AtomicInteger statusPolls = new AtomicInteger();

  @AfterEach
  void close() {
    clients.forEach(ConnectorClient::close);
  }

  /** Status requests get the examples in this order, the last one for ever after. */
  private Function<Request, String> statuses(String... examples) {
    return request -> {
      if (!request.method().equals("GET") || !request.url().encodedPath().endsWith("/status")) {
        return null;
      }
      int poll = statusPolls.getAndIncrement();
      return "code=200, example=" + examples[Math.min(poll, examples.length - 1)];
    };
  }

  private ConnectorClient redpanda(PrismTraffic traffic) {
    return keep(
        RedpandaConnectorClient.builder()
            .baseUrl(REDPANDA.server().baseUrl())
            .credentials(StaticCredentials.bearer("test-redpanda-token"))
            .okHttpClient(traffic.client())
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(FAST)
            .build());
  }

  private ConnectorClient confluent(PrismTraffic traffic) {
    return keep(
        ConfluentConnectorClient.builder()
            .baseUrl(CONFLUENT.server().baseUrl())
            .environment("env-a1b2c3")
            .kafkaCluster("lkc-x9y8z7")
            .credentials(StaticCredentials.basic("TESTKEY", "test-secret-Zq81"))
            .okHttpClient(traffic.client())
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(FAST)
            .build());
  }

  private ConnectorClient keep(ConnectorClient client) {
    clients.add(client);
    return client;
  }

  /** Every request was answered 2xx and matched the spec. */
  private static void assertAllAccepted(PrismTraffic traffic) {
    for (PrismTraffic.Exchange e : traffic.exchanges()) {
      assertAll(
          e.method() + " " + e.path(),
          () -> assertNull(e.violations(), () -> "spec violations: " + e.violations()),
          () -> assertTrue(e.code() >= 200 && e.code() < 300, () -> "HTTP " + e.code()));
    }
  }

  // ---- Redpanda
  // -----------------------------------------------------------------------------------------------

  @Test
  void redpandaRestartOfAFailedConnectorCompletesOnceItRuns() {
    PrismTraffic traffic =
        new PrismTraffic().prefer(statuses("failed-connector", "restarting", "running"));

    ChangeResult result =
        redpanda(traffic).restart(NAME, RestartOptions.CONNECTOR_ONLY).await(WAIT, progress::add);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(3, result.polls());
    assertEquals(
        List.of(
            "FAILED (FAILED), restart not picked up yet",
            "RESTARTING (RESTARTING)",
            "RUNNING (RUNNING)"),
        progress);
    assertEquals(
        List.of("POST", "GET", "GET", "GET"),
        traffic.exchanges().stream().map(PrismTraffic.Exchange::method).toList());
    assertAllAccepted(traffic);
  }

  @Test
  void redpandaRestartThatFailsAgainEndsWithTheTrace() {
    PrismTraffic traffic =
        new PrismTraffic().prefer(statuses("failed-connector", "restarting", "failed-connector"));

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () ->
                redpanda(traffic)
                    .restart(NAME, RestartOptions.CONNECTOR_ONLY)
                    .await(WAIT, progress::add));

    assertTrue(
        e.trace().contains("password authentication failed for user \"debezium\""), e.trace());
    assertEquals(3, statusPolls.get());
    assertEquals("FAILED (FAILED)", progress.get(2));
  }

  @Test
  void redpandaRestartOfAConnectorThatStaysFailedTimesOutNamingFailed() {
    PrismTraffic traffic = new PrismTraffic().prefer(statuses("failed-connector"));

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () -> redpanda(traffic).restart(NAME, new RestartOptions(true, true)).await(STUCK));

    assertEquals("FAILED (FAILED), restart not picked up yet", e.lastSeen());
    assertTrue(statusPolls.get() >= 2, "it polled on");
  }

  @Test
  void redpandaResumeToleratesAFailedTaskFromBeforeAndFailsOnALaterOne() {
    PrismTraffic traffic =
        new PrismTraffic().prefer(statuses("failed-task", "restarting", "failed-task"));

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () -> redpanda(traffic).resume(NAME).await(WAIT, progress::add));

    assertTrue(e.getMessage().contains("task 1 FAILED while waiting for RUNNING"), e.getMessage());
    assertEquals(3, statusPolls.get());
    assertTrue(
        progress.get(0).startsWith("DEGRADED")
            && progress.get(0).endsWith(", resume not picked up yet"),
        progress::toString);
    assertAllAccepted(traffic);
  }

  @Test
  void redpandaResumeOfAConnectorWhoseTaskStaysFailedTimesOut() {
    PrismTraffic traffic = new PrismTraffic().prefer(statuses("failed-task"));

    WaitTimeoutException e =
        assertThrows(WaitTimeoutException.class, () -> redpanda(traffic).resume(NAME).await(STUCK));

    assertTrue(
        e.lastSeen().startsWith("DEGRADED") && e.lastSeen().endsWith("resume not picked up yet"),
        e.lastSeen());
  }

  @Test
  void redpandaWaitForRunningWithoutARestartStillFailsAtOnce() {
    PrismTraffic traffic = new PrismTraffic().prefer(statuses("failed-connector", "running"));

    assertThrows(
        ConnectorFailedException.class,
        () -> redpanda(traffic).waitFor(NAME, ConnectorState.RUNNING).await(WAIT));
    assertEquals(1, statusPolls.get());
  }

  // ---- Confluent
  // ----------------------------------------------------------------------------------------------

  @Test
  void confluentRestartOfAFailedConnectorCompletesOnceItRuns() {
    PrismTraffic traffic =
        new PrismTraffic().prefer(statuses("failed-task", "provisioning", "running"));

    ChangeResult result =
        confluent(traffic).restart(NAME, RestartOptions.CONNECTOR_ONLY).await(WAIT, progress::add);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(
        List.of(
            "FAILED (FAILED), restart not picked up yet",
            "PROVISIONING (PROVISIONING)",
            "RUNNING (RUNNING)"),
        progress);
    assertAllAccepted(traffic);
  }

  @Test
  void confluentResumeThatFailsAgainEndsWithTheTrace() {
    PrismTraffic traffic =
        new PrismTraffic().prefer(statuses("failed-task", "restarting", "failed-task"));

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class, () -> confluent(traffic).resume(NAME).await(WAIT));

    assertTrue(
        e.trace().contains("Exiting WorkerSinkTask due to unrecoverable exception"), e.trace());
    assertEquals(3, statusPolls.get());
    assertAllAccepted(traffic);
  }

  @Test
  void confluentRestartOfAConnectorThatStaysFailedTimesOutNamingFailed() {
    PrismTraffic traffic = new PrismTraffic().prefer(statuses("failed-task"));

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () -> confluent(traffic).restart(NAME, RestartOptions.CONNECTOR_ONLY).await(STUCK));

    assertEquals("FAILED (FAILED), restart not picked up yet", e.lastSeen());
  }
}
