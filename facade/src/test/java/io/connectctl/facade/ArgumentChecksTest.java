package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.testing.EveryVendor;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The argument checks are the same on every vendor (all four, from {@link EveryVendor}) (issue 9: a
 * null name was an InvalidRequestException on Redpanda but a NullPointerException on the others):
 * each refusal is an {@link InvalidRequestException} naming the argument, before anything is sent
 * (the clients point at an address that does not resolve).
 */
class ArgumentChecksTest {
  /** Every vendor's client, from the shared fixture (so a new vendor is covered here too). */
  static Stream<ConnectorClient> clients() {
    return EveryVendor.offlineClients();
  }

  @Test
  void theClientsCoverEveryVendor() {
    assertEquals(List.of(), EveryVendor.missing());
    assertEquals(
        List.of(Vendor.values()),
        clients()
            .map(
                c -> {
                  try (c) {
                    return c.vendor();
                  }
                })
            .toList());
  }

  private static void refused(
      ConnectorClient client, String field, Consumer<ConnectorClient> call) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> call.accept(client),
            client.vendor() + " " + field);
    assertEquals(0, e.httpStatus());
    assertEquals(field, e.violations().get(0).field(), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("clients")
  void nullAndBlankArgumentsAreRefusedAlikeOnEveryVendor(ConnectorClient client) {
    try (client) {
      refused(client, "name", c -> c.getConnector(null));
      refused(client, "name", c -> c.status(null));
      refused(client, "name", c -> c.status(" "));
      refused(client, "name", c -> c.pause(null));
      refused(client, "name", c -> c.resume(null));
      refused(client, "name", c -> c.delete(null));
      refused(client, "name", c -> c.updateConfig(null, Map.of("k", "v")));
      refused(client, "config", c -> c.updateConfig("orders", null));
      refused(client, "definition", c -> c.create(null));
      refused(client, "name", c -> c.create(new ConnectorDefinition("", Map.of("k", "v"))));
      refused(client, "name", c -> c.waitFor(null, ConnectorState.RUNNING));
      refused(client, "target", c -> c.waitFor("orders", null));
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void operationsTheVendorLacksAreRefusedBeforeTheArgumentsAreLookedAt(ConnectorClient client) {
    try (client) {
      for (Capability missing : client.capabilities().unsupported()) {
        List<Runnable> calls =
            switch (missing) {
              case RESTART -> List.of(() -> client.restart(null, null));
              case STOP -> List.of(() -> client.stop(null));
              case TASKS -> List.of(() -> client.tasks(null));
              case TOPICS -> List.of(() -> client.topics(null));
              case OFFSETS -> List.of(() -> client.offsets(null));
              case PLUGINS -> List.of(client::plugins);
              case RESUME_WAIT -> List.of(() -> client.resumeWait(null, null));
              default -> List.of();
            };
        for (Runnable call : calls) {
          UnsupportedCapabilityException e =
              assertThrows(UnsupportedCapabilityException.class, call::run);
          assertEquals(missing, e.capability());
          assertEquals(ErrorKind.UNSUPPORTED, e.kind());
        }
      }
    }
  }
}
