package io.connectctl.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: starts Prism for one spec before the test class (one static server and, if
 * asked, one dynamic server per seed), and stops them all after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PrismExtension PRISM = PrismExtension.forSpec(Specs.REDPANDA).withDynamicSeeds(1, 2, 3);
 * }</pre>
 */
public final class PrismExtension implements BeforeAllCallback, AfterAllCallback {
  private final Path spec;
  private final long[] seeds;
  private PrismServer examples;
  private final Map<Long, PrismServer> dynamic = new LinkedHashMap<>();

  /**
   * How many test classes are running with this extension: JUnit calls {@code beforeAll} again for
   * every {@code @Nested} class of the class that registered it, and only the outermost may start
   * and stop the servers (starting again would leak the first servers as orphaned processes).
   */
  private int depth;

  private PrismExtension(Path spec, long[] seeds) {
    this.spec = spec;
    this.seeds = seeds;
  }

  /** Serves the given spec (path relative to the specs folder, see {@link Specs}). */
  public static PrismExtension forSpec(String relativeSpec) {
    return new PrismExtension(Specs.path(relativeSpec), new long[0]);
  }

  /** Also starts one dynamic-mode server per seed. */
  public PrismExtension withDynamicSeeds(long... seeds) {
    return new PrismExtension(spec, seeds.clone());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (depth++ > 0) {
      return;
    }
    examples = PrismServer.start(spec);
    for (long seed : seeds) {
      dynamic.put(seed, PrismServer.startDynamic(spec, seed));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--depth > 0) {
      return;
    }
    List<PrismServer> all = new ArrayList<>(dynamic.values());
    if (examples != null) {
      all.add(examples);
    }
    all.forEach(PrismServer::close);
    dynamic.clear();
    examples = null;
  }

  /** The server that answers with the spec's examples. */
  public PrismServer server() {
    if (examples == null) {
      throw new IllegalStateException(
          "Prism is not running: register the extension with @RegisterExtension on a static field");
    }
    return examples;
  }

  /** The dynamic servers by seed. */
  public Map<Long, PrismServer> dynamicServers() {
    return Map.copyOf(dynamic);
  }

  /** The spec being served. */
  public Path spec() {
    return spec;
  }
}
