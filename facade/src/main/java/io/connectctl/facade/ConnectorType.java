package io.connectctl.facade;

import org.jspecify.annotations.Nullable;

/** Whether a connector reads into Kafka or writes out of it. */
public enum ConnectorType {
  /** Reads from an external system into Kafka. */
  SOURCE,
  /** Writes from Kafka to an external system. */
  SINK,
  /** The vendor did not say. */
  UNKNOWN;

  /**
   * Parses a vendor value ({@code source}, {@code sink}, any case); anything else is {@link
   * #UNKNOWN}.
   */
  public static ConnectorType parse(@Nullable String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.trim().toLowerCase()) {
      case "source" -> SOURCE;
      case "sink" -> SINK;
      default -> UNKNOWN;
    };
  }
}
