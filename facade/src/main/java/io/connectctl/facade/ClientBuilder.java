package io.connectctl.facade;

import io.connectctl.facade.errors.ConfigurationException;
import io.connectctl.facade.internal.ClientOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * What every vendor client builder accepts: credentials, timeouts, retry and polling policies, an
 * optional caller-supplied {@link OkHttpClient}, request logging, and whether plain HTTP may carry
 * credentials off loopback.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  static {
    // The vendor builders read the settings through the implementation package, which this public
    // class must not name in its API.
    ClientOptions.installReader(ClientBuilder::options);
  }

  private Credentials credentials;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofSeconds(60);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private PollingPolicy pollingPolicy = PollingPolicy.proportional();
  private OkHttpClient okHttpClient;
  private boolean httpLogging;
  private Consumer<String> exchangeLog;
  private boolean allowInsecureHttp;
  private Map<String, String> environment = System.getenv();

  /** For subclasses. */
  protected ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The credentials (required unless the builder offers a default from the environment). */
  public B credentials(Credentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return self();
  }

  /** TCP connect timeout (default 10 s). */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /** Socket read timeout (default 30 s). */
  public B readTimeout(Duration timeout) {
    this.readTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /**
   * Time limit for one call (default 60 s); with retries enabled the whole call, waits included,
   * may take this plus the retry policy's total budget.
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /** Retry policy (default {@link RetryPolicy#defaults()}). */
  public B retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /** Polling policy for pending changes (default {@link PollingPolicy#proportional()}). */
  public B pollingPolicy(PollingPolicy policy) {
    this.pollingPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /**
   * A client to derive from: its connection pool and dispatcher are shared and never shut down by
   * connectctl.
   */
  public B okHttpClient(OkHttpClient client) {
    this.okHttpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * Logs requests and responses at DEBUG, with credentials and secret config values redacted
   * (default off).
   */
  public B httpLogging(boolean enabled) {
    this.httpLogging = enabled;
    return self();
  }

  /**
   * Hands {@code sink} one line per HTTP exchange (each attempt of each request, token requests
   * included), for log pipelines (default: none). The line is {@code key=value} pairs: {@code
   * connectctl vendor=confluent method=GET url=https://… status=200 durationMs=12 requestBytes=0
   * responseBytes=345}; a transport failure has {@code status=0} and {@code error=} the exception's
   * class name. The URL is redacted (its password, secret-looking query parameters and every
   * credential hidden); headers and bodies are never in it, only their sizes ({@code -1} when a
   * request body's length is unknown). Independent of {@link #httpLogging}; {@code sink} is called
   * on the thread making the request and must not throw.
   *
   * @param sink for example {@code line -> log.info(line)}
   */
  public B logExchanges(Consumer<String> sink) {
    this.exchangeLog = Objects.requireNonNull(sink, "sink");
    return self();
  }

  /**
   * Allows {@code http://} URLs to hosts other than loopback when the client sends credentials
   * (default: refused, since they would travel unencrypted). A client without credentials ({@link
   * io.connectctl.facade.auth.StaticCredentials#none()}, e.g. a Kafka Connect worker without
   * security) may use plain http to any host without this.
   */
  public B allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return self();
  }

  /**
   * Checks the settings and builds the client (each vendor's builder narrows the type and documents
   * its settings).
   */
  public abstract ConnectorClient build();

  /**
   * The variables the standard proxy settings are read from (default: the process environment).
   * {@code HTTPS_PROXY} (for https URLs) and {@code HTTP_PROXY} (for http URLs), upper or lower
   * case, name the proxy as {@code http://[user:password@]host:port}; {@code NO_PROXY} lists hosts,
   * domain suffixes ({@code .corp} or {@code corp}) or {@code *} that are reached directly. They
   * apply to every request, token endpoints included, unless the caller's {@link #okHttpClient}
   * sets a proxy of its own.
   */
  public B proxyEnvironment(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    return self();
  }

  /**
   * Refuses HTTP Basic credentials (an API key and secret) for a vendor whose API takes only
   * tokens.
   *
   * @param accepted what the vendor takes instead, for the message
   * @throws ConfigurationException naming {@code credentials}
   */
  protected void refuseBasicCredentials(Vendor vendor, String accepted) {
    if (credentials instanceof io.connectctl.facade.auth.StaticCredentials fixed
        && fixed.isBasic()) {
      throw new ConfigurationException(
          vendor,
          "credentials",
          vendor
              + " does not accept HTTP Basic credentials "
              + "(an API key and secret): give "
              + accepted);
    }
  }

  /** The credentials set so far, or null. */
  protected Credentials credentials() {
    return credentials;
  }

  /** The collected options; {@code fallback} supplies credentials when none were set. */
  private static ClientOptions options(ClientBuilder<?> builder, Supplier<Credentials> fallback) {
    Credentials effective = builder.credentials != null ? builder.credentials : fallback.get();
    return new ClientOptions(
        effective,
        builder.connectTimeout,
        builder.readTimeout,
        builder.callTimeout,
        builder.retryPolicy,
        builder.pollingPolicy,
        Optional.ofNullable(builder.okHttpClient),
        builder.httpLogging,
        builder.allowInsecureHttp,
        builder.environment,
        Optional.ofNullable(builder.exchangeLog));
  }
}
