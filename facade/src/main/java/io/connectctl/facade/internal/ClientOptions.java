package io.connectctl.facade.internal;

import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Settings shared by the vendor clients, as collected by a {@link ClientBuilder}; a vendor builder
 * reads them with {@link #of}.
 *
 * @param credentials where the {@code Authorization} header comes from
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param callTimeout the limit for one attempt of one call; OkHttp's whole-call timeout is this
 *     plus the retry policy's total budget (see {@link HttpStack#build})
 * @param retryPolicy retries
 * @param pollingPolicy how pending changes poll
 * @param okHttpClient a caller-supplied client to derive from (its pool and dispatcher are shared,
 *     never closed)
 * @param httpLogging log requests and responses (redacted) at DEBUG through SLF4J
 * @param allowInsecureHttp allow {@code http://} to non-loopback hosts with credentials (without
 *     credentials it is always allowed)
 * @param environment where {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} are read
 *     from
 * @param exchangeLog where one line per exchange goes (see {@link ExchangeLogInterceptor}), if
 *     anywhere
 */
public record ClientOptions(
    Credentials credentials,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    RetryPolicy retryPolicy,
    PollingPolicy pollingPolicy,
    Optional<OkHttpClient> okHttpClient,
    boolean httpLogging,
    boolean allowInsecureHttp,
    Map<String, String> environment,
    Optional<Consumer<String>> exchangeLog) {

  /**
   * How a builder's settings are read. {@link ClientBuilder} keeps them private and hands this
   * reader over when it is loaded, so that its public API names no type of this package.
   */
  private static volatile BiFunction<ClientBuilder<?>, Supplier<Credentials>, ClientOptions> reader;

  /**
   * Called once, by {@link ClientBuilder}'s static initializer.
   *
   * @throws IllegalStateException when a reader is already installed
   */
  public static synchronized void installReader(
      BiFunction<ClientBuilder<?>, Supplier<Credentials>, ClientOptions> builderReader) {
    if (reader != null) {
      throw new IllegalStateException("the ClientBuilder reader is installed already");
    }
    reader = Objects.requireNonNull(builderReader, "builderReader");
  }

  /**
   * The settings collected by {@code builder}; {@code fallback} supplies credentials when none were
   * set.
   */
  public static ClientOptions of(ClientBuilder<?> builder, Supplier<Credentials> fallback) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(fallback, "fallback");
    // builder exists, so its class has been initialized and the reader installed
    return reader.apply(builder, fallback);
  }

  /** Validates. */
  public ClientOptions {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(pollingPolicy, "pollingPolicy");
    okHttpClient = Objects.requireNonNullElse(okHttpClient, Optional.empty());
    environment = Map.copyOf(Objects.requireNonNullElse(environment, Map.of()));
    exchangeLog = Objects.requireNonNullElse(exchangeLog, Optional.empty());
  }

  /** As the canonical constructor, without an exchange log. */
  public ClientOptions(
      Credentials credentials,
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      PollingPolicy pollingPolicy,
      Optional<OkHttpClient> okHttpClient,
      boolean httpLogging,
      boolean allowInsecureHttp,
      Map<String, String> environment) {
    this(
        credentials,
        connectTimeout,
        readTimeout,
        callTimeout,
        retryPolicy,
        pollingPolicy,
        okHttpClient,
        httpLogging,
        allowInsecureHttp,
        environment,
        Optional.empty());
  }

  /** As the canonical constructor, with proxy variables from the process environment. */
  public ClientOptions(
      Credentials credentials,
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      PollingPolicy pollingPolicy,
      Optional<OkHttpClient> okHttpClient,
      boolean httpLogging,
      boolean allowInsecureHttp) {
    this(
        credentials,
        connectTimeout,
        readTimeout,
        callTimeout,
        retryPolicy,
        pollingPolicy,
        okHttpClient,
        httpLogging,
        allowInsecureHttp,
        System.getenv());
  }
}
