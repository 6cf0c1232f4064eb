package io.connectctl.facade.move;

import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an {@link OffsetSnapshot} into a connector: the connector must be STOPPED (or {@code
 * stopFirst} stops it and resumes it afterwards); the offsets are altered, read back and compared.
 */
public final class OffsetRestore {
  /** How long offsets written may take to read back as written. */
  static final Duration READ_BACK = Duration.ofSeconds(10);

  private OffsetRestore() {}

  /** What happened to one connector. */
  public enum Outcome {
    /** Written, read back and equal. */
    RESTORED,
    /** Written, but what was read back differs (see the message). */
    MISMATCH,
    /** Nothing was written: the connector is not STOPPED and stopping it was not allowed. */
    NOT_STOPPED
  }

  /**
   * One connector's result.
   *
   * @param connector the connector written to
   * @param outcome what happened
   * @param partitions how many partitions the snapshot held
   * @param stopped whether this restore stopped the connector (and so resumed it)
   * @param message a sentence for people
   */
  public record Result(
      String connector, Outcome outcome, int partitions, boolean stopped, String message) {
    /** Validates. */
    public Result {
      Objects.requireNonNull(connector, "connector");
      Objects.requireNonNull(outcome, "outcome");
      message = Objects.requireNonNullElse(message, "");
    }

    /** Whether the offsets are in place. */
    public boolean ok() {
      return outcome == Outcome.RESTORED;
    }
  }

  /**
   * The capabilities a restore needs; checked before anything is sent.
   *
   * @throws io.connectctl.facade.errors.UnsupportedCapabilityException naming the first one missing
   */
  public static void check(Capabilities capabilities, boolean stopFirst) {
    capabilities.require(Capability.STATUS);
    capabilities.require(Capability.ALTER_OFFSETS);
    capabilities.require(Capability.OFFSETS);
    if (stopFirst) {
      capabilities.require(Capability.STOP);
      capabilities.require(Capability.RESUME);
    }
  }

  /**
   * Restores {@code snapshot}'s offsets into the connector {@code snapshot.connector()}.
   *
   * @param stopFirst stop the connector when it is not STOPPED, and resume it after
   * @param timeout how long each wait (stopped, altered, running) may take
   */
  public static Result restore(
      ConnectorClient client, OffsetSnapshot snapshot, boolean stopFirst, Duration timeout) {
    check(client.capabilities(), stopFirst);
    String name = snapshot.connector();
    int partitions = snapshot.offsets().size();
    boolean stopped = false;
    if (client.status(name).state() != ConnectorState.STOPPED) {
      if (!stopFirst) {
        return new Result(
            name,
            Outcome.NOT_STOPPED,
            partitions,
            false,
            "connector "
                + name
                + " is not STOPPED; stop it first, or let the restore stop and resume it");
      }
      client.stop(name).await(timeout);
      stopped = true;
    }
    client.alterOffsets(name, snapshot.offsets()).await(timeout);
    List<String> differences = readBack(client, name, snapshot.offsets());
    if (stopped) {
      client.resume(name).await(timeout);
    }
    if (!differences.isEmpty()) {
      return new Result(
          name,
          Outcome.MISMATCH,
          partitions,
          stopped,
          "offsets read back differ: " + String.join("; ", differences));
    }
    return new Result(
        name, Outcome.RESTORED, partitions, stopped, partitions + " partition(s) restored");
  }

  /**
   * What connector {@code name} reads back that differs from {@code wanted}, just written: read
   * again while anything differs, at growing gaps (100 ms up to 1 s), for at most {@link
   * #READ_BACK}. A worker reads offsets from its offsets topic, which can lag behind a write it has
   * already acknowledged.
   */
  static List<String> readBack(
      ConnectorClient client, String name, List<ConnectorOffsets.PartitionOffset> wanted) {
    long deadline = System.nanoTime() + READ_BACK.toNanos();
    long gapMillis = 100;
    while (true) {
      List<String> differences = differences(wanted, client.offsets(name).offsets());
      if (differences.isEmpty() || System.nanoTime() - deadline >= 0) {
        return differences;
      }
      try {
        Thread.sleep(gapMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return differences;
      }
      gapMillis = Math.min(gapMillis * 2, 1000);
    }
  }

  /**
   * Which of {@code wanted}'s partitions {@code actual} does not hold with the same offset (numbers
   * compare by value, so {@code 5} equals {@code 5.0}); empty when all do.
   */
  public static List<String> differences(
      List<ConnectorOffsets.PartitionOffset> wanted,
      List<ConnectorOffsets.PartitionOffset> actual) {
    Map<Object, Object> read = new LinkedHashMap<>();
    for (ConnectorOffsets.PartitionOffset offset : actual) {
      read.put(normalize(offset.partition()), normalize(offset.offset()));
    }
    List<String> out = new ArrayList<>();
    for (ConnectorOffsets.PartitionOffset offset : wanted) {
      Object partition = normalize(offset.partition());
      Object expected = normalize(offset.offset());
      Object got = read.get(partition);
      boolean cleared = offset.offset().isEmpty();
      if (cleared ? got != null && !((Map<?, ?>) got).isEmpty() : !expected.equals(got)) {
        out.add(
            "partition " + offset.partition() + ": wanted " + offset.offset() + ", read " + got);
      }
    }
    return out;
  }

  private static Object normalize(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(OffsetRestore::normalize).toList();
    }
    return value == null ? "null" : value;
  }
}
