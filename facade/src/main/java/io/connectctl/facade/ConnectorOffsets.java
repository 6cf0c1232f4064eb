package io.connectctl.facade;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connector's committed offsets.
 *
 * @param name the connector name
 * @param offsets one entry per source partition: {@code partition} and {@code offset} maps as the
 *     vendor sent them
 * @param observedAt when the vendor read them (ISO-8601), empty if not reported
 */
public record ConnectorOffsets(String name, List<PartitionOffset> offsets, String observedAt) {
  /** Copies. */
  public ConnectorOffsets {
    Objects.requireNonNull(name, "name");
    offsets = Immutable.list(offsets);
    observedAt = Objects.requireNonNullElse(observedAt, "");
  }

  /**
   * One partition's offset.
   *
   * @param partition the source partition (connector-specific keys)
   * @param offset the offset (connector-specific keys)
   */
  public record PartitionOffset(Map<String, Object> partition, Map<String, Object> offset) {
    /** Copies. */
    public PartitionOffset {
      partition = Immutable.map(partition);
      offset = Immutable.map(offset);
    }
  }
}
