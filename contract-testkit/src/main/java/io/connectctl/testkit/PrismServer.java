package io.connectctl.testkit;

import io.connectctl.prism.PrismMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A Prism mock server for one spec in a test, on a free loopback port (see {@link PrismMock}, which
 * it wraps): static mode serves the spec's named examples; dynamic mode ({@code -d --seed N})
 * generates schema-valid data, the same for the same seed. Prism is found through {@link
 * Tools#prismExecutable()}.
 */
public final class PrismServer implements AutoCloseable {
  private final PrismMock mock;

  private PrismServer(PrismMock mock) {
    this.mock = mock;
  }

  /** Starts Prism serving the spec's examples and waits until it answers. */
  public static PrismServer start(Path spec) {
    return new PrismServer(
        PrismMock.startAndAwait(
            Tools.prismExecutable(), spec, OptionalLong.empty(), System.getenv()));
  }

  /** Starts Prism generating dynamic responses from {@code seed} and waits until it answers. */
  public static PrismServer startDynamic(Path spec, long seed) {
    return new PrismServer(
        PrismMock.startAndAwait(
            Tools.prismExecutable(), spec, OptionalLong.of(seed), System.getenv()));
  }

  /** The root URL, ending in a slash, e.g. {@code http://127.0.0.1:4010/}. */
  public String baseUrl() {
    return mock.baseUrl();
  }

  /** The port Prism listens on. */
  public int port() {
    return mock.port();
  }

  /** The spec being served. */
  public Path spec() {
    return mock.spec();
  }

  /** The seed of a dynamic server, empty for a static one. */
  public OptionalLong seed() {
    return mock.seed();
  }

  /** What Prism printed so far (useful in failure messages). */
  public String output() {
    return mock.output();
  }

  /** Stops Prism and any process it started. */
  @Override
  public void close() {
    mock.close();
  }

  @Override
  public String toString() {
    return mock.toString();
  }

  /** Finding Prism for tests. */
  public static final class Tools {
    private Tools() {}

    /**
     * The Prism launcher: system property {@code connectctl.prism}, else {@code
     * specs/node_modules/.bin/prism}.
     */
    public static Path prismExecutable() {
      String configured = System.getProperty("connectctl.prism");
      Path prism =
          configured != null && !configured.isBlank()
              ? Path.of(configured)
              : Specs.root().resolve("node_modules/.bin/prism");
      if (!Files.isExecutable(prism)) {
        throw new IllegalStateException(
            "Prism is not installed at "
                + prism
                + ". Run './mvnw -pl specs install' (it runs 'npm ci' in specs/), or 'npm ci' in specs/ yourself.");
      }
      return prism;
    }
  }
}
