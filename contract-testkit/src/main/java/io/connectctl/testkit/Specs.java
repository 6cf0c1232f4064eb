package io.connectctl.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the curated specs are: system property {@code connectctl.specs}, else the nearest {@code
 * specs/} upwards.
 */
public final class Specs {
  /** The Redpanda spec, relative to the specs folder. */
  public static final String REDPANDA = "redpanda/redpanda-connect.yaml";

  /** The Confluent spec, relative to the specs folder. */
  public static final String CONFLUENT = "confluent/confluent-connect.yaml";

  /** The Yandex spec, relative to the specs folder. */
  public static final String YANDEX = "yandex/yandex-kafka-connectors.yaml";

  /** The self-managed Apache Kafka Connect spec, relative to the specs folder. */
  public static final String KAFKA_CONNECT = "kafka-connect/kafka-connect.yaml";

  private Specs() {}

  /** The specs folder. */
  public static Path root() {
    String configured = System.getProperty("connectctl.specs");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("specs/.spectral.yaml"))) {
        return dir.resolve("specs");
      }
    }
    throw new IllegalStateException(
        "Cannot find the specs folder; set -Dconnectctl.specs=/path/to/specs");
  }

  /** One spec file, e.g. {@code Specs.path(Specs.REDPANDA)}. */
  public static Path path(String relative) {
    return root().resolve(relative);
  }
}
