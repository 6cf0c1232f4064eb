package io.connectctl.facade.internal;

import static io.connectctl.facade.internal.StatusScript.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors keep what they are about (issue 22, item 4). */
class ErrorsKeepStructureTest {
  private final FakeTime time = new FakeTime();
  private final Waiter waiter = new Waiter(PollingPolicy.proportional(), time, time);

  @Test
  void aWaitTimeoutGivesTheLastStatusRead() {
    ConnectorStatus running = StatusScript.status(ConnectorState.RUNNING);
    WaitTimeoutException e = timeoutWaitingFor(ConnectorState.PAUSED, StatusScript.of(running));

    assertEquals(running, e.lastStatus().orElseThrow());
    assertEquals(ConnectorState.RUNNING, e.lastStatus().orElseThrow().state());
  }

  @Test
  void aWaitTimeoutBeforeTheConnectorWasSeenHasNoLastStatus() {
    WaitTimeoutException e =
        timeoutWaitingFor(ConnectorState.RUNNING, StatusScript.of(StatusScript.GONE));

    assertTrue(e.lastStatus().isEmpty());
    assertEquals("not found", e.lastSeen());
  }

  @Test
  void bulkKeepsTheCauseOfABugInTheCallersCode() {
    IllegalStateException bug = new IllegalStateException("caller's bug");
    BulkResult<String> result =
        Bulk.apply(
            List.of("a"),
            1,
            name -> {
              throw bug;
            });

    ConnectCloudException error = result.items().get(0).error().orElseThrow();
    assertSame(bug, error.getCause());
  }

  @Test
  void pendingChangesShowWhatTheyWaitFor() {
    StatusChange change =
        StatusChange.untilState(
            Vendor.REDPANDA,
            NAME,
            ConnectorState.PAUSED,
            StatusScript.of(ConnectorState.PAUSED),
            waiter);
    assertEquals("PendingChange[connector=" + NAME + ", target=PAUSED]", change.toString());
    assertEquals(
        "PendingChange[connector=" + NAME + ", target=PAUSED, already done]",
        CompletedChange.unneeded(NAME, "PAUSED", StatusScript.status(ConnectorState.PAUSED))
            .toString());
    assertFalse(change.toString().contains("StatusChange"));
  }

  private WaitTimeoutException timeoutWaitingFor(ConnectorState target, StatusScript script) {
    return assertThrows(
        WaitTimeoutException.class,
        () ->
            StatusChange.untilState(Vendor.KAFKA_CONNECT, NAME, target, script, waiter)
                .await(Duration.ofSeconds(1)));
  }
}
