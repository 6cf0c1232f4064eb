package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConfigurationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client a vendor client uses. Its application interceptors run in this order:
 *
 * <ol>
 *   <li>the caller's own interceptors (when a client was supplied),
 *   <li>{@link SecretsTagInterceptor}: notes the secrets of each request, so nothing later shows
 *       them,
 *   <li>{@link RetryInterceptor}: the {@link io.connectctl.facade.RetryPolicy},
 *   <li>{@link AuthInterceptor}: the {@code Authorization} header, refreshed once on a 401,
 *   <li>{@link RedactingLoggingInterceptor}, when {@link ClientOptions#httpLogging()} is on: each
 *       attempt.
 * </ol>
 *
 * OkHttp's own silent retry on connection failure is turned off so that only the retry policy
 * decides whether a request is sent twice. The credentials get a client of their own for token
 * calls, derived from the same base. Both honour the standard proxy variables ({@code HTTPS_PROXY},
 * {@code HTTP_PROXY}, {@code NO_PROXY}; see {@link ProxyEnvironment}) unless the caller's client
 * chose a proxy itself.
 */
public final class HttpStack {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private HttpStack() {}

  /**
   * A client derived from the caller's (or a new one) with connectctl's interceptors.
   *
   * <p>Timeouts: connect and read as configured; OkHttp's whole-call timeout is {@code callTimeout
   * + retryPolicy.totalBudget} when retries are enabled (just {@code callTimeout} when not), since
   * it spans every attempt and the waits between them.
   */
  public static OkHttpClient build(Vendor vendor, ClientOptions options) {
    return build(vendor, options, List.of());
  }

  /**
   * As {@link #build(Vendor, ClientOptions)}, for a client that talks to {@code endpoints} only
   * (besides the token endpoints of its credentials): when none of them is https and the
   * credentials fetch no tokens, and the caller supplied no client, TLS is not set up at all. An
   * empty list means the endpoints are not known, so TLS is set up.
   */
  public static OkHttpClient build(
      Vendor vendor, ClientOptions options, Collection<HttpUrl> endpoints) {
    return build(vendor, options, endpoints, d -> Thread.sleep(d.toMillis()), System::nanoTime);
  }

  /**
   * As {@link #build(Vendor, ClientOptions, Collection)}, with the retry waits and clock replaced
   * (tests).
   *
   * @param sleeper how the retry interceptor waits between attempts
   * @param nanoTime the monotonic clock the retry budget is measured with
   */
  static OkHttpClient build(
      Vendor vendor,
      ClientOptions options,
      Collection<HttpUrl> endpoints,
      Waiter.Sleeper sleeper,
      LongSupplier nanoTime) {
    OkHttpClient base =
        options.okHttpClient().orElseGet(() -> newClient(endpoints, options.credentials()));
    options.credentials().useHttpClient(tokenClient(vendor, options, base));
    OkHttpClient.Builder builder =
        withTimeouts(base, options)
            .addInterceptor(new SecretsTagInterceptor(options.credentials(), true))
            .addInterceptor(
                new RetryInterceptor(
                    vendor,
                    options.retryPolicy(),
                    sleeper,
                    nanoTime,
                    () -> ThreadLocalRandom.current().nextDouble()))
            .addInterceptor(new AuthInterceptor(options.credentials()));
    if (options.httpLogging()) {
      builder.addInterceptor(new RedactingLoggingInterceptor(vendor));
    }
    return builder.build();
  }

  /** A new OkHttp client: without TLS when it can only ever need plain http (see above). */
  static OkHttpClient newClient(
      Collection<HttpUrl> endpoints, io.connectctl.facade.Credentials credentials) {
    boolean plainHttpOnly =
        !endpoints.isEmpty()
            && !credentials.canRefresh()
            && endpoints.stream().noneMatch(HttpUrl::isHttps);
    if (!plainHttpOnly) {
      return new OkHttpClient();
    }
    return new OkHttpClient.Builder()
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .followSslRedirects(false)
        .build();
  }

  /**
   * The client token requests use: same base, timeouts and retries, logging when on, no {@code
   * Authorization}.
   */
  private static OkHttpClient tokenClient(Vendor vendor, ClientOptions options, OkHttpClient base) {
    OkHttpClient.Builder builder =
        withTimeouts(base, options)
            .addInterceptor(new SecretsTagInterceptor(options.credentials()))
            .addInterceptor(new RetryInterceptor(vendor, options.retryPolicy()));
    if (options.httpLogging()) {
      builder.addInterceptor(new RedactingLoggingInterceptor(vendor));
    }
    return builder.build();
  }

  private static OkHttpClient.Builder withTimeouts(OkHttpClient base, ClientOptions options) {
    return withTimeouts(
        ProxyEnvironment.apply(base, base.newBuilder(), options.environment()), options);
  }

  private static OkHttpClient.Builder withTimeouts(
      OkHttpClient.Builder builder, ClientOptions options) {
    Duration callTimeout = options.callTimeout();
    if (!callTimeout.isZero() && options.retryPolicy().maxAttempts() > 1) {
      callTimeout = callTimeout.plus(options.retryPolicy().totalBudget());
    }
    return builder
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(callTimeout)
        .retryOnConnectionFailure(false);
  }

  /** Releases the pool and dispatcher threads of a client connectctl created itself. */
  public static void release(OkHttpClient client, ClientOptions options) {
    if (options.okHttpClient().isEmpty()) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * Parses and checks a base URL that credentials are sent to: it must be http(s), and plain http
   * is refused for non-loopback hosts unless allowed.
   *
   * @param setting the name of the setting or flag the URL came from, for the error message
   * @throws ConfigurationException naming the setting
   */
  public static HttpUrl baseUrl(
      Vendor vendor, String url, String setting, boolean allowInsecureHttp) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new ConfigurationException(
          vendor, setting, setting + " must be an http(s) URL, was '" + url + "'");
    }
    if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
      throw new ConfigurationException(
          vendor,
          setting,
          setting
              + " uses plain http:// to "
              + parsed.host()
              + ", which would send credentials unencrypted; use https:// or allow insecure HTTP explicitly"
              + " (allowInsecureHttp)");
    }
    return parsed;
  }

  /**
   * As {@link #baseUrl(Vendor, String, String, boolean)}, for a client built with {@code options}:
   * plain http to any host is fine when the client sends no credentials at all; with credentials it
   * needs {@link ClientOptions#allowInsecureHttp()}.
   */
  public static HttpUrl baseUrl(Vendor vendor, String url, String setting, ClientOptions options) {
    return baseUrl(
        vendor,
        url,
        setting,
        options.allowInsecureHttp() || !sendsCredentials(options.credentials()));
  }

  /**
   * Whether requests made with {@code credentials} carry any: false only for credentials that never
   * fetch a token and whose header is empty ({@link
   * io.connectctl.facade.auth.StaticCredentials#none()}).
   */
  public static boolean sendsCredentials(io.connectctl.facade.Credentials credentials) {
    if (credentials.canRefresh()) {
      return true;
    }
    String header = credentials.authorizationHeader();
    return header != null && !header.isBlank();
  }

  /** {@code localhost} or a loopback IP literal; never looks a name up. */
  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(host).matches() && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
