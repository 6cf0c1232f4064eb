package io.connectctl.facade.testing;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one list of vendors for tests that must cover them all: use it as a JUnit source, e.g.
 * {@code @MethodSource("io.connectctl.facade.testing.EveryVendor#offlineClients")}, so a new {@link
 * Vendor} constant cannot be forgotten. Shared with other modules through the facade's test-jar.
 *
 * <p>A vendor without an entry here makes every method fail, naming it: adding a vendor means
 * adding its offline client below.
 */
public final class EveryVendor {
  /**
   * An address that never resolves ({@code .invalid} is reserved): a client pointed at it can only
   * fail before anything is sent or with a network error.
   */
  public static final String NOWHERE = "https://api.example.invalid";

  private static final Map<Vendor, Supplier<ConnectorClient>> OFFLINE = new EnumMap<>(Vendor.class);

  static {
    OFFLINE.put(
        Vendor.REDPANDA,
        () ->
            RedpandaConnectorClient.builder()
                .baseUrl(NOWHERE)
                .credentials(StaticCredentials.bearer("t-1"))
                .build());
    OFFLINE.put(
        Vendor.CONFLUENT,
        () ->
            ConfluentConnectorClient.builder()
                .baseUrl(NOWHERE)
                .environment("env-1")
                .kafkaCluster("lkc-1")
                .credentials(StaticCredentials.basic("K", "s"))
                .build());
    OFFLINE.put(
        Vendor.YANDEX,
        () ->
            YandexConnectorClient.builder()
                .baseUrl(NOWHERE)
                .operationsUrl("https://ops.example.invalid")
                .clusterId("c1")
                .credentials(StaticCredentials.bearer("t-1"))
                .build());
    OFFLINE.put(
        Vendor.KAFKA_CONNECT,
        () ->
            KafkaConnectConnectorClient.builder()
                .url(NOWHERE)
                .credentials(StaticCredentials.none())
                .build());
  }

  private EveryVendor() {}

  /** Every {@link Vendor}, in declaration order. */
  public static Stream<Vendor> vendors() {
    return Arrays.stream(Vendor.values());
  }

  /**
   * One client per vendor, each fully configured but pointed at {@link #NOWHERE}: for checks that
   * must refuse before sending. The caller closes them.
   */
  public static Stream<ConnectorClient> offlineClients() {
    return vendors().map(EveryVendor::offlineClient);
  }

  /** The offline client of {@code vendor} (see {@link #offlineClients()}). */
  public static ConnectorClient offlineClient(Vendor vendor) {
    Supplier<ConnectorClient> client = OFFLINE.get(vendor);
    if (client == null) {
      throw new IllegalStateException(
          "EveryVendor has no offline client for " + vendor + ": add one");
    }
    return client.get();
  }

  /** The vendors this fixture does not cover yet (empty when it is complete). */
  public static List<Vendor> missing() {
    return vendors().filter(v -> !OFFLINE.containsKey(v)).toList();
  }
}
