package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's API boundary as a user on the module path meets it: the packaged jar and its runtime
 * dependencies form the module path, and small consumer modules are compiled against it with {@code
 * javac}. Run by the facade's {@code module-path} surefire execution after {@code package} (the jar
 * must exist), not by the unit-test run.
 */
class ModulePathConsumerIT {
  private static final String REQUIRES = "module consumer { requires io.connectctl.facade; }";

  /** Uses every exported package, and calls through the vendor clients' concrete types. */
  private static final String USES_THE_API =
      """
      package demo;

      import io.connectctl.facade.ConnectorClient;
      import io.connectctl.facade.RetryPolicy;
      import io.connectctl.facade.auth.StaticCredentials;
      import io.connectctl.facade.confluent.ConfluentConnectorClient;
      import io.connectctl.facade.errors.ConnectCloudException;
      import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
      import io.connectctl.facade.redpanda.RedpandaConnectorClient;
      import io.connectctl.facade.yandex.YandexConnectorClient;
      import java.time.Duration;
      import java.util.List;
      import okhttp3.OkHttpClient;

      public class Main {
        public static void main(String[] args) {
          String url = args[0];
          OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).build();
          RedpandaConnectorClient redpanda =
              RedpandaConnectorClient.builder()
                  .baseUrl(url)
                  .connectCluster("c")
                  .credentials(StaticCredentials.bearer("t"))
                  .build();
          ConfluentConnectorClient confluent =
              ConfluentConnectorClient.builder()
                  .baseUrl(url)
                  .environment("env-1")
                  .kafkaCluster("lkc-1")
                  .credentials(StaticCredentials.basic("key", "secret"))
                  .build();
          YandexConnectorClient yandex =
              YandexConnectorClient.builder()
                  .baseUrl(url)
                  .operationsUrl(url)
                  .clusterId("cluster")
                  .credentials(StaticCredentials.bearer("t"))
                  .build();
          KafkaConnectConnectorClient kafkaConnect =
              KafkaConnectConnectorClient.builder()
                  .url(url)
                  .okHttpClient(http)
                  .retryPolicy(RetryPolicy.none())
                  .build();
          for (ConnectorClient client : List.of(redpanda, confluent, yandex, kafkaConnect)) {
            System.out.println("built " + client.vendor());
          }
          try {
            kafkaConnect.getConnector("absent");
          } catch (ConnectCloudException e) {
            System.out.println("failed " + e.kind());
          }
          redpanda.close();
          confluent.close();
          yandex.close();
          kafkaConnect.close();
        }
      }
      """;

  /**
   * Reads the nullness annotations as a consumer's checker would: JSpecify is readable through the
   * facade alone ({@code requires transitive}), every exported package is {@code @NullMarked}, and
   * what can be null says so.
   */
  private static final String READS_NULLNESS =
      """
      package demo;

      import io.connectctl.facade.Connector;
      import io.connectctl.facade.errors.ConnectCloudException;
      import io.connectctl.facade.errors.ErrorContext;
      import org.jspecify.annotations.NullMarked;
      import org.jspecify.annotations.Nullable;

      public class Nullness {
        public static void main(String[] args) throws Exception {
          Module facade = Connector.class.getModule();
          for (String pkg : new java.util.TreeSet<>(facade.getPackages())) {
            if (!facade.isExported(pkg)) {
              continue;
            }
            Class<?> info = Class.forName(facade, pkg + ".package-info");
            boolean marked = info != null && info.isAnnotationPresent(NullMarked.class);
            System.out.println(pkg + (marked ? " null-marked" : " NOT null-marked"));
          }
          System.out.println("vendor "
              + nullable(ErrorContext.class.getRecordComponents()[0].getAnnotatedType()));
          System.out.println("vendorModel "
              + nullable(Connector.class.getRecordComponents()[3].getAnnotatedType()));
          System.out.println("vendor() "
              + nullable(ConnectCloudException.class.getMethod("vendor").getAnnotatedReturnType()));
          System.out.println("name "
              + nullable(Connector.class.getRecordComponents()[0].getAnnotatedType()));
        }

        private static String nullable(java.lang.reflect.AnnotatedType type) {
          return type.isAnnotationPresent(Nullable.class) ? "nullable" : "non-null";
        }

        static @Nullable String unused() {
          return null;
        }
      }
      """;

  /** Reaches into the implementation package. */
  private static final String USES_INTERNAL =
      """
      package demo;

      import io.connectctl.facade.internal.ClientOptions;

      public class Sneaky {
        public static Class<?> options() {
          return ClientOptions.class;
        }
      }
      """;

  private static String modulePath;

  @TempDir Path dir;

  @BeforeAll
  static void modulePath() throws IOException {
    String built = System.getProperty("connectctl.facade.jar");
    // -Dtest=ModulePathConsumerIT also selects it for the unit-test run, before the jar exists
    assumeTrue(built != null, "runs in the facade's module-path execution, after package");
    Path jar = Path.of(built);
    assertTrue(Files.isRegularFile(jar), "the facade jar is built before this test runs: " + jar);
    String runtime =
        Files.readString(Path.of(System.getProperty("connectctl.facade.runtime.classpath")))
            .strip();
    modulePath = jar + File.pathSeparator + runtime;
  }

  @Test
  void aConsumerOfEveryApiPackageCompilesAndRunsOnTheModulePath() throws Exception {
    Path classes = dir.resolve("classes");
    Compilation compiled = compile(classes, Map.of("demo/Main.java", USES_THE_API));
    assertEquals(0, compiled.status(), compiled.diagnostics());

    Process consumer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath + File.pathSeparator + classes,
                "--module",
                "consumer/demo.Main",
                // a loopback port nothing listens on: the call fails fast, as a network error
                "http://127.0.0.1:9")
            .redirectErrorStream(true)
            .start();
    String output = new String(consumer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(consumer.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, consumer.exitValue(), output);
    assertTrue(output.contains("built redpanda"), output);
    assertTrue(output.contains("built confluent"), output);
    assertTrue(output.contains("built yandex"), output);
    assertTrue(output.contains("built kafka-connect"), output);
    assertTrue(output.contains("failed NETWORK"), output);
  }

  @Test
  void nullnessAnnotationsReachAConsumerThatRequiresOnlyTheFacade() throws Exception {
    Path classes = dir.resolve("classes");
    Compilation compiled = compile(classes, Map.of("demo/Nullness.java", READS_NULLNESS));
    assertEquals(0, compiled.status(), compiled.diagnostics());
    Process consumer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath + File.pathSeparator + classes,
                "--module",
                "consumer/demo.Nullness")
            .redirectErrorStream(true)
            .start();
    String output = new String(consumer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(consumer.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, consumer.exitValue(), output);
    for (String pkg :
        List.of(
            "io.connectctl.facade",
            "io.connectctl.facade.errors",
            "io.connectctl.facade.auth",
            "io.connectctl.facade.redpanda",
            "io.connectctl.facade.confluent",
            "io.connectctl.facade.yandex",
            "io.connectctl.facade.kafkaconnect",
            "io.connectctl.facade.move")) {
      assertTrue(output.contains(pkg + " null-marked\n"), output);
    }
    assertFalse(output.contains("NOT null-marked"), output);
    assertTrue(output.contains("vendor nullable"), output);
    assertTrue(output.contains("vendorModel nullable"), output);
    assertTrue(output.contains("vendor() nullable"), output);
    assertTrue(output.contains("name non-null"), output);
  }

  @Test
  void aConsumerCannotCompileAgainstTheInternalPackage() throws IOException {
    Compilation compiled =
        compile(dir.resolve("classes"), Map.of("demo/Sneaky.java", USES_INTERNAL));
    assertFalse(compiled.status() == 0, "compiled against a package the module does not export");
    assertTrue(
        compiled
            .diagnostics()
            .contains(
                "package io.connectctl.facade.internal is declared in module io.connectctl.facade,"
                    + " which does not export it"),
        compiled.diagnostics());
  }

  private record Compilation(int status, String diagnostics) {}

  /** Compiles module {@code consumer} from {@code sources} (path → text) against the facade. */
  private Compilation compile(Path classes, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("module-info.java"), REQUIRES);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "--module-path",
                modulePath,
                // not this JVM's class path (javac's default), which holds the facade's classes
                "--class-path",
                Files.createDirectories(dir.resolve("empty")).toString(),
                "-d",
                classes.toString(),
                src.resolve("module-info.java").toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, OutputStream.nullOutputStream(), diagnostics, args.toArray(String[]::new));
    return new Compilation(status, diagnostics.toString(StandardCharsets.UTF_8));
  }
}
