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
 *       attempt,
 *   <li>{@link ExchangeLogInterceptor}, when {@link ClientOptions#exchangeLog()} is set: one line
 *       per attempt.
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
    options
        .exchangeLog()
        .ifPresent(sink -> builder.addInterceptor(new ExchangeLogInterceptor(vendor, sink)));
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
    options
        .exchangeLog()
        .ifPresent(sink -> builder.addInterceptor(new ExchangeLogInterceptor(vendor, sink)));
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
    return baseUrl(vendor, url, setting, plainHttpAllowed(options));
  }

  /** Plain http is fine for a client that sends no credentials, or that was told it may. */
  private static boolean plainHttpAllowed(ClientOptions options) {
    return options.allowInsecureHttp() || !sendsCredentials(options.credentials());
  }

  /**
   * As {@link #baseUrl(Vendor, String, String, ClientOptions)}, for the root of the vendor's API:
   * also refuses a path that repeats the vendor's {@link
   * io.connectctl.facade.VendorRules#apiPathPrefix() API path prefix}.
   */
  public static HttpUrl apiBaseUrl(
      Vendor vendor, String url, String setting, ClientOptions options) {
    return apiBaseUrl(vendor, url, setting, plainHttpAllowed(options));
  }

  /**
   * As {@link #baseUrl(Vendor, String, String, boolean)}, for the root of the vendor's API: also
   * refuses a path that repeats the vendor's {@link
   * io.connectctl.facade.VendorRules#apiPathPrefix() API path prefix}.
   */
  public static HttpUrl apiBaseUrl(
      Vendor vendor, String url, String setting, boolean allowInsecureHttp) {
    HttpUrl parsed = baseUrl(vendor, url, setting, allowInsecureHttp);
    vendor
        .rules()
        .apiPathPrefix()
        .ifPresent(prefix -> refuseRepeatedPrefix(vendor, setting, parsed, prefix));
    return parsed;
  }

  /**
   * Refuses {@code url} when its path ends with {@code prefix} or a leading part of it ({@code
   * /connect} or {@code /connect/v1} for {@code /connect/v1}), or holds the whole prefix somewhere
   * (a request URL pasted as the base): the client appends paths that start with {@code prefix}
   * already, so every request would miss.
   *
   * @param prefix the path every request path starts with, e.g. {@code /connect/v1}
   * @throws ConfigurationException naming the setting, the URL and the URL to give instead
   */
  public static void refuseRepeatedPrefix(
      Vendor vendor, String setting, HttpUrl url, String prefix) {
    List<String> path = url.pathSegments().stream().filter(s -> !s.isEmpty()).toList();
    List<String> wanted = List.of(prefix.replaceAll("^/+|/+$", "").split("/+"));
    for (int start = 0; start < path.size(); start++) {
      int common = 0;
      while (common < wanted.size()
          && start + common < path.size()
          && path.get(start + common).equals(wanted.get(common))) {
        common++;
      }
      boolean endsWithPartOfPrefix = common > 0 && start + common == path.size();
      if (endsWithPartOfPrefix || common == wanted.size()) {
        HttpUrl.Builder root = url.newBuilder().query(null).fragment(null).encodedPath("/");
        for (String segment : path.subList(0, start)) {
          root.addPathSegment(segment);
        }
        String instead = withoutPassword(root.build()).toString();
        throw new ConfigurationException(
            vendor,
            setting,
            setting
                + " '"
                + withoutPassword(url)
                + "' has the path '"
                + url.encodedPath()
                + "', but "
                + vendor
                + "'s request paths already start with "
                + prefix
                + "/, so every request would miss; pass the URL without it: '"
                + (start == 0 ? instead.replaceAll("/$", "") : instead)
                + "'");
      }
    }
  }

  private static HttpUrl withoutPassword(HttpUrl url) {
    return url.password().isEmpty() ? url : url.newBuilder().password("***").build();
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
