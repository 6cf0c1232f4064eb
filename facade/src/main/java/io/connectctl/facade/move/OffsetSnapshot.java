package io.connectctl.facade.move;

import io.connectctl.facade.Capability;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.Vendor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The committed offsets of one connector at one moment, with what is needed to tell later where
 * they came from.
 *
 * @param connector the connector's name
 * @param context a label for where it was read (a CLI context name; empty when there is none)
 * @param vendor the vendor it was read from
 * @param type source or sink
 * @param connectorClass its {@code connector.class}; empty when the config does not say
 * @param readAt when connectctl read them
 * @param offsets one entry per source partition (or topic partition of a sink)
 */
public record OffsetSnapshot(
    String connector,
    String context,
    Vendor vendor,
    ConnectorType type,
    String connectorClass,
    Instant readAt,
    List<ConnectorOffsets.PartitionOffset> offsets) {
  /** Validates and copies. */
  public OffsetSnapshot {
    Objects.requireNonNull(connector, "connector");
    context = Objects.requireNonNullElse(context, "");
    Objects.requireNonNull(vendor, "vendor");
    type = Objects.requireNonNullElse(type, ConnectorType.UNKNOWN);
    connectorClass = Objects.requireNonNullElse(connectorClass, "");
    Objects.requireNonNull(readAt, "readAt");
    offsets = List.copyOf(offsets);
  }

  /**
   * Reads {@code name}'s definition and committed offsets through {@code client}.
   *
   * @throws io.connectctl.facade.errors.UnsupportedCapabilityException before anything is sent when
   *     the vendor has no offsets API
   */
  public static OffsetSnapshot read(
      ConnectorClient client, String name, String context, Clock clock) {
    client.capabilities().require(Capability.OFFSETS);
    client.capabilities().require(Capability.GET);
    Connector connector = client.getConnector(name);
    ConnectorOffsets offsets = client.offsets(name);
    return new OffsetSnapshot(
        name,
        context,
        client.vendor(),
        connector.type(),
        connector.config().getOrDefault("connector.class", ""),
        clock.instant(),
        offsets.offsets());
  }

  /** The same offsets under another connector name ({@code --rename}). */
  public OffsetSnapshot renamed(String newName) {
    return new OffsetSnapshot(newName, context, vendor, type, connectorClass, readAt, offsets);
  }
}
