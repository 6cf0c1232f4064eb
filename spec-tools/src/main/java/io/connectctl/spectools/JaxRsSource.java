package io.connectctl.spectools;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A vendor definition generated here from annotated JAX-RS resources: swagger-core's reader over
 * the classes named in {@code specs/drift/sources.yaml} (source kind {@code jaxrs}). Kafka builds
 * its Connect REST document the same way but publishes it only with its website, so the report
 * reads the annotations of the {@code connect-runtime} jar on this module's class path instead.
 *
 * <p>{@code main} writes the document to a file, e.g. for a Kafka version other than the pinned one
 * (run with that version's {@code connect-runtime} and, before Kafka 4, the {@code javax} flavour
 * {@code swagger-jaxrs2} on the class path; the reader's API is the same):
 *
 * <pre>
 * java -cp … io.connectctl.spectools.JaxRsSource OUT.yaml CLASS...
 * </pre>
 */
public final class JaxRsSource {
  private JaxRsSource() {}

  /** Writes the OpenAPI document of the given resource classes to the file named first. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JaxRsSource OUT.yaml CLASS...");
      System.exit(2);
    }
    Files.writeString(Path.of(args[0]), openApi(List.of(args).subList(1, args.length)));
  }

  /**
   * The OpenAPI document (YAML) swagger-core's JAX-RS reader makes of the given classes.
   *
   * @throws IllegalArgumentException when a class is not on the class path
   */
  public static String openApi(List<String> classNames) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (String name : classNames) {
      try {
        classes.add(Class.forName(name, false, JaxRsSource.class.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(
            "resource class " + name + " is not on spec-tools' class path", e);
      }
    }
    OpenAPI api = new Reader(new OpenAPI()).read(classes);
    return Yaml.pretty(api);
  }

  /**
   * The generated document of a {@code jaxrs} source, written to a temporary file for {@link
   * OpenApiSource}.
   *
   * @param artifact the jar the classes come from, e.g. {@code connect-runtime}
   * @param version the version the entry pins; refused when the jar on the class path is another
   */
  static Path generate(List<String> classNames, String artifact, String version) {
    String actualVersion = jarVersion(classNames.get(0), artifact);
    if (!version.equals(actualVersion)) {
      throw new IllegalArgumentException(
          "sources.yaml pins version "
              + version
              + " but spec-tools' class path has "
              + actualVersion
              + " (spec-tools/pom.xml: kafka-connect.drift.version)");
    }
    try {
      Path file = Files.createTempFile("drift-jaxrs-", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, openApi(classNames));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version in the file name {@code ARTIFACT-VERSION.jar} of the jar holding the class. */
  private static String jarVersion(String className, String artifact) {
    try {
      Class<?> type = Class.forName(className, false, JaxRsSource.class.getClassLoader());
      String jar =
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
              .getFileName()
              .toString();
      String prefix = artifact + "-";
      if (!jar.startsWith(prefix) || !jar.endsWith(".jar")) {
        throw new IllegalArgumentException(
            className + " comes from " + jar + ", not from a " + artifact + " jar");
      }
      return jar.substring(prefix.length(), jar.length() - ".jar".length());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "resource class " + className + " is not on spec-tools' class path", e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
