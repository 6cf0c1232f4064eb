package io.connectctl.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The directory holding Kafka's jars, the classpath of the children (never of this JVM).
 *
 * @param dir the directory (absolute and normalized)
 */
record KafkaLib(Path dir) {
  /** Fails, saying how to build them, unless the directory holds Kafka Connect's runtime jar. */
  void require() {
    boolean present;
    try (Stream<Path> jars = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      present = jars.anyMatch(p -> p.getFileName().toString().startsWith("connect-runtime-"));
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      throw new LocalClusterException(
          "Kafka's jars are not in "
              + dir
              + "; build them with "
              + "'./mvnw -B -pl local-cluster -am package -DskipTests' in the connectctl checkout (or set -D"
              + LocalCluster.KAFKA_LIB_PROPERTY
              + "=DIR)");
    }
  }

  /** Kafka's version, from the name of its client jar. */
  String version() {
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("kafka-clients-") && n.endsWith(".jar"))
          .map(n -> n.substring("kafka-clients-".length(), n.length() - ".jar".length()))
          .findFirst()
          .orElse("(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }

  /** A child's classpath: {@code boot} first, then every jar of the directory. */
  String classpath(Path boot) {
    return boot + File.pathSeparator + dir + File.separator + "*";
  }
}
