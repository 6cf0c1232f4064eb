package io.connectctl.facade.kafkaconnect;

import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Kafka Connect REST API offers, which operations need which Kafka version, and the check
 * before sending one: the worker's version is read once ({@code GET /}) and remembered, and an
 * operation an older worker lacks is refused before anything is sent.
 */
final class WorkerVersions {
  private static final Vendor VENDOR = Vendor.KAFKA_CONNECT;

  /** Everything the Kafka 4.x REST API offers. */
  static final Capabilities OFFERED =
      new Capabilities(
          VENDOR,
          EnumSet.of(
              Capability.LIST,
              Capability.GET,
              Capability.STATUS,
              Capability.CREATE,
              Capability.UPDATE_CONFIG,
              Capability.DELETE,
              Capability.PAUSE,
              Capability.RESUME,
              Capability.RESTART,
              Capability.RESTART_TASK_OPTIONS,
              Capability.STOP,
              Capability.TASKS,
              Capability.TOPICS,
              Capability.OFFSETS,
              Capability.PLUGINS,
              Capability.INITIAL_STATE,
              Capability.PATCH_CONFIG,
              Capability.RESTART_TASK,
              Capability.ALTER_OFFSETS,
              Capability.RESET_OFFSETS,
              Capability.VALIDATE,
              Capability.LOGGERS,
              Capability.RESET_TOPICS,
              Capability.CLUSTERS));

  /** A Kafka version, major and minor. */
  private record Version(int major, int minor) {
    boolean isBefore(Version other) {
      return major < other.major || major == other.major && minor < other.minor;
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }

  /**
   * The oldest Kafka version each gated operation needs; every other one works on any worker. For
   * {@link Capability#LOGGERS}: setting a level cluster-wide (listing and setting one worker's work
   * everywhere).
   */
  private static final Map<Capability, Version> NEEDED =
      Map.of(
          Capability.STOP, new Version(3, 5),
          Capability.OFFSETS, new Version(3, 5),
          Capability.ALTER_OFFSETS, new Version(3, 6),
          Capability.RESET_OFFSETS, new Version(3, 6),
          Capability.INITIAL_STATE, new Version(3, 7),
          Capability.LOGGERS, new Version(3, 7),
          Capability.PATCH_CONFIG, new Version(3, 8));

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private final Supplier<String> reader;
  private final String where;
  private final AtomicReference<String> version = new AtomicReference<>();

  /**
   * @param reader reads the version the worker reports (called once, on first need)
   * @param where where the worker is, for messages ({@code " at http://..."})
   */
  WorkerVersions(Supplier<String> reader, String where) {
    this.reader = reader;
    this.where = where;
  }

  /** The Kafka version the worker reports, read once and remembered. */
  String version() {
    String known = version.get();
    if (known == null) {
      known = reader.get();
      version.compareAndSet(null, known);
    }
    return known;
  }

  /**
   * Refuses, before sending, an operation the worker's Kafka version does not have. An unusual
   * version string passes: the worker answers for itself.
   *
   * @param capability a gated operation
   * @param what the operation, for the message
   * @throws UnsupportedCapabilityException naming the version needed and the one found
   */
  void require(Capability capability, String what) {
    Version needed = NEEDED.get(capability);
    if (needed == null) {
      throw new IllegalArgumentException(capability + " needs no particular Kafka version");
    }
    String found = version();
    Matcher m = VERSION.matcher(found);
    if (!m.find()) {
      return;
    }
    Version have = new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    if (have.isBefore(needed)) {
      throw new UnsupportedCapabilityException(
          VENDOR,
          capability,
          VENDOR
              + ": "
              + what
              + " needs Kafka Connect "
              + needed
              + " or newer; the worker"
              + where
              + " runs "
              + found
              + " (nothing was sent)");
    }
  }
}
