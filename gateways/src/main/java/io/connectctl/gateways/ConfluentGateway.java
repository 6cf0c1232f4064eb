package io.connectctl.gateways;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Confluent Cloud's Connect v1 API ({@code /connect/v1/environments/ENV/clusters/CLUSTER/...}) over
 * one real Kafka Connect worker. The gateway keeps what Confluent keeps beside Kafka Connect: each
 * connector's {@code lcc-} id and creation time (for PROVISIONING), the latest offsets request of
 * each connector, and the request counts of the rate limiter. Everything else is read from the
 * worker at each request. See the module README for what is inferred.
 *
 * <p>This class holds the route table and the admission of requests (credentials, rate limit); the
 * handlers are in {@link ConfluentConnectors} and {@link ConfluentOffsets}, the translation in
 * {@link ConfluentTranslation} and the state in {@link ConfluentStore}.
 */
public final class ConfluentGateway extends GatewayServer {
  /** The mask Confluent shows instead of a secret value. */
  public static final String MASK = "****";

  private final Settings settings;
  private final RateLimiter rateLimiter;

  /**
   * How the gateway behaves.
   *
   * @param environmentId the one environment served ({@code env-...})
   * @param clusterId the one Kafka cluster served ({@code lkc-...})
   * @param requestsPerWindow requests one API key may make per window before 429s; 0 for no limit
   * @param window the rate limit window
   * @param provisioning how long a new connector reports PROVISIONING at least (until the worker
   *     runs it and every task, in any case)
   * @param bootstrapServers the Kafka bootstrap servers shown as {@code kafka.endpoint}
   */
  public record Settings(
      String environmentId,
      String clusterId,
      int requestsPerWindow,
      Duration window,
      Duration provisioning,
      String bootstrapServers) {
    /** {@code env-local}, {@code lkc-local}, no rate limit, 2 s of provisioning. */
    public static Settings defaults() {
      return new Settings(
          "env-local", "lkc-local", 0, Duration.ofSeconds(10), Duration.ofSeconds(2), "");
    }

    /** These settings with another rate limit. */
    public Settings withRateLimit(int requests, Duration per) {
      return new Settings(environmentId, clusterId, requests, per, provisioning, bootstrapServers);
    }

    /** These settings with the bootstrap servers shown in configs. */
    public Settings withBootstrapServers(String servers) {
      return new Settings(
          environmentId, clusterId, requestsPerWindow, window, provisioning, servers);
    }
  }

  private ConfluentGateway(ConnectWorker worker, Settings settings) {
    super("confluent", ConfluentErrors.BODY);
    this.settings = settings;
    this.rateLimiter = new RateLimiter(settings.requestsPerWindow(), settings.window());
    ConfluentCluster cluster = new ConfluentCluster(worker, settings);
    ConfluentStore store = new ConfluentStore();
    ConfluentConnectors connectors =
        new ConfluentConnectors(cluster, store, new ConfluentTranslation(worker, settings, store));
    String base = "/connect/v1/environments/" + SEG + "/clusters/" + SEG;
    connectorRoutes(base + "/connectors", connectors);
    offsetRoutes(base + "/connectors/" + SEG + "/offsets", new ConfluentOffsets(cluster, store));
    pluginRoutes(base + "/connector-plugins", connectors);
  }

  /** {@code .../connectors} and one connector's resources. */
  private void connectorRoutes(String connectors, ConfluentConnectors handlers) {
    String one =
        collection(connectors, handlers::list, handlers::create, handlers::get, handlers::delete);
    route("GET", one + "/config", handlers::getConfig);
    route("PUT", one + "/config", handlers::putConfig);
    route("PUT", one + "/pause", handlers::pause);
    route("PUT", one + "/resume", handlers::resume);
    route("POST", one + "/restart", handlers::restart);
    route("GET", one + "/status", handlers::status);
    route("GET", one + "/tasks", handlers::tasks);
  }

  /** {@code .../connectors/NAME/offsets} and its requests. */
  private void offsetRoutes(String offsets, ConfluentOffsets handlers) {
    route("GET", offsets, handlers::get);
    route("POST", offsets + "/request", handlers::request);
    route("GET", offsets + "/request/status", handlers::requestStatus);
  }

  /** {@code .../connector-plugins} and config validation. */
  private void pluginRoutes(String plugins, ConfluentConnectors handlers) {
    route("GET", plugins, handlers::plugins);
    route("PUT", plugins + "/" + SEG + "/config/validate", handlers::validate);
  }

  /**
   * Starts a gateway in front of {@code worker} on a free loopback port.
   *
   * @param worker the real Kafka Connect worker
   * @param settings ids, rate limit and provisioning time
   */
  public static ConfluentGateway start(ConnectWorker worker, Settings settings) {
    ConfluentGateway gateway =
        new ConfluentGateway(worker, Objects.requireNonNull(settings, "settings"));
    gateway.start();
    return gateway;
  }

  /** The environment id this gateway serves. */
  public String environmentId() {
    return settings.environmentId();
  }

  /** The Kafka cluster id this gateway serves. */
  public String clusterId() {
    return settings.clusterId();
  }

  /** Changes the rate limit from now on (0: none). */
  public void limitRate(int requestsPerWindow, Duration per) {
    rateLimiter.change(requestsPerWindow, Objects.requireNonNull(per, "per"));
  }

  /** How many requests were answered 429 so far. */
  public long throttledCount() {
    return rateLimiter.throttled();
  }

  /** A request needs Cloud API credentials, then counts against its key's rate limit. */
  @Override
  Reply admit(Request request) {
    String key = apiKey(request.header("Authorization"));
    if (key == null) {
      return ConfluentErrors.reply(
          401, "Unauthorized: send a Cloud API key and secret as HTTP Basic credentials");
    }
    return rateLimiter.admit(key);
  }

  /**
   * The key a request counts against: the API key of its HTTP Basic credentials, {@code bearer} for
   * any bearer token, or null when the header carries neither.
   */
  private static String apiKey(String auth) {
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0 && colon < decoded.length() - 1) {
          return decoded.substring(0, colon);
        }
      } catch (IllegalArgumentException e) {
        return null;
      }
    } else if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && auth.length() > 7) {
      return "bearer";
    }
    return null;
  }
}
