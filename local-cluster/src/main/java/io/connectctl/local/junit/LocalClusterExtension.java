package io.connectctl.local.junit;

import io.connectctl.local.LocalCluster;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real local cluster for the whole test JVM: the first test (or {@code @BeforeAll} method) that
 * asks for a {@link RunningCluster} parameter starts it, every later one gets the same, and it is
 * stopped when the test run ends, whether the tests passed or not (JUnit closes the root store; a
 * shutdown hook and the children's watchdog cover a JVM that dies).
 *
 * <pre>{@code
 * @ExtendWith(LocalClusterExtension.class)
 * class MyIT {
 *   @Test void works(RunningCluster cluster) { ... cluster.connectUrl() ... }
 * }
 * }</pre>
 *
 * <p>The cluster starts from an empty data directory, {@code target/local-cluster-tests} of the
 * working directory (the module, under Surefire) unless the {@code connectctl.local.test-dir}
 * system property names another. Kafka's jars come from the {@code connectctl.kafka.lib} system
 * property (the parent pom sets it for Surefire), else from {@code local-cluster/target/kafka-lib}
 * in the nearest enclosing checkout.
 */
public final class LocalClusterExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalClusterExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Shared shared =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Shared.class, key -> new Shared(), Shared.class);
    return shared.running();
  }

  /** The Kafka lib directory the tests use (see the class comment). */
  public static Path kafkaLib() {
    String property = System.getProperty(LocalCluster.KAFKA_LIB_PROPERTY, "");
    if (!property.isBlank()) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(LocalCluster.KAFKA_LIB_IN_CHECKOUT);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return LocalCluster.defaultKafkaLib(Path.of(""));
  }

  /** Deletes {@code dir} and everything in it (after its cluster, if any, was stopped). */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new LocalClusterException("Cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The cluster of this test JVM; closing it (at the end of the run) stops it. */
  private static final class Shared implements AutoCloseable {
    private final LocalCluster cluster;
    private RunningCluster running;
    private RuntimeException failure;

    Shared() {
      Path dir =
          Path.of(System.getProperty("connectctl.local.test-dir", "target/local-cluster-tests"));
      cluster = LocalCluster.builder(dir).kafkaLib(kafkaLib()).tiedToCaller(true).build();
    }

    synchronized RunningCluster running() {
      if (running == null && failure == null) {
        try {
          cluster.stop();
          deleteRecursively(cluster.dataDir());
          running = cluster.start();
          System.err.println(
              "[local-cluster] Kafka "
                  + cluster.kafkaVersion()
                  + " and a Connect worker at "
                  + running.connectUrl()
                  + " started in "
                  + running.startTime().toMillis()
                  + " ms (data in "
                  + running.dataDir()
                  + ")");
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new ParameterResolutionException(
            "The local cluster did not start: " + failure.getMessage(), failure);
      }
      return running;
    }

    @Override
    public void close() {
      cluster.stop();
    }
  }

  /** Registered with {@code @ExtendWith}. */
  public LocalClusterExtension() {}
}
