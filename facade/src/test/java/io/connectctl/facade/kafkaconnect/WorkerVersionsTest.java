package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Capability;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which operations need which Kafka version, checked against a version given directly. */
class WorkerVersionsTest {
  private static final String WHERE = " at http://connect:8083/";

  private static WorkerVersions running(String version) {
    return new WorkerVersions(() -> version, WHERE);
  }

  @Test
  void anOlderWorkerIsRefusedNamingTheVersionNeededAndTheOneFound() {
    UnsupportedCapabilityException e =
        assertThrows(
            UnsupportedCapabilityException.class,
            () ->
                running("3.7.1").require(Capability.PATCH_CONFIG, "patching a connector's config"));

    assertEquals(Capability.PATCH_CONFIG, e.capability());
    assertEquals(
        Vendor.KAFKA_CONNECT
            + ": patching a connector's config needs Kafka Connect 3.8 or newer; the worker"
            + WHERE
            + " runs 3.7.1 (nothing was sent)",
        e.getMessage());
  }

  @Test
  void theVersionNeededAndNewerPass() {
    assertDoesNotThrow(() -> running("3.5.0").require(Capability.STOP, "stopping a connector"));
    assertDoesNotThrow(() -> running("4.0.0").require(Capability.PATCH_CONFIG, "patching"));
    assertThrows(
        UnsupportedCapabilityException.class,
        () -> running("2.8.2").require(Capability.STOP, "stopping a connector"));
  }

  @Test
  void anUnusualVersionStringLeavesTheAnswerToTheWorker() {
    assertDoesNotThrow(() -> running("trunk-SNAPSHOT").require(Capability.STOP, "stopping"));
  }

  @Test
  void theVersionIsReadOnce() {
    AtomicInteger reads = new AtomicInteger();
    WorkerVersions versions =
        new WorkerVersions(
            () -> {
              reads.incrementAndGet();
              return "3.9.0";
            },
            WHERE);

    versions.require(Capability.OFFSETS, "reading offsets");
    versions.require(Capability.ALTER_OFFSETS, "altering offsets");
    assertEquals("3.9.0", versions.version());
    assertEquals(1, reads.get());
  }

  @Test
  void everyGatedOperationIsOffered() {
    for (Capability gated :
        new Capability[] {
          Capability.STOP,
          Capability.OFFSETS,
          Capability.ALTER_OFFSETS,
          Capability.RESET_OFFSETS,
          Capability.INITIAL_STATE,
          Capability.LOGGERS,
          Capability.PATCH_CONFIG
        }) {
      assertTrue(WorkerVersions.OFFERED.supports(gated), gated.toString());
      assertDoesNotThrow(() -> running("4.0.0").require(gated, "it"));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> running("4.0.0").require(Capability.LIST, "listing"),
        "an operation every worker has is not gated");
  }
}
