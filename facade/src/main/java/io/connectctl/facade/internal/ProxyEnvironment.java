package io.connectctl.facade.internal;

import io.connectctl.facade.errors.ConfigurationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The standard proxy variables as command-line tools read them: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http URLs (each also in lower case, which wins as curl has it), and {@code
 * NO_PROXY}: a comma-separated list of hosts reached directly, where {@code example.com} and {@code
 * .example.com} both match the domain and its subdomains, a {@code :port} suffix is ignored, and
 * {@code *} turns the proxy off. A proxy URL may carry {@code user:password@}, sent as {@code
 * Proxy-Authorization} when the proxy asks for it. Loopback ({@code localhost}, {@code 127.0.0.1},
 * {@code ::1}) is always reached directly, as Go's HTTP client does, so local mocks and gateways
 * keep working behind a corporate proxy.
 */
final class ProxyEnvironment extends ProxySelector {
  private final Optional<HttpUrl> https;
  private final Optional<HttpUrl> http;
  private final List<String> noProxy;

  private ProxyEnvironment(Optional<HttpUrl> https, Optional<HttpUrl> http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /** The settings in {@code env}; empty when no proxy is set. */
  static Optional<ProxyEnvironment> from(Map<String, String> env) {
    Optional<HttpUrl> https = proxyUrl(env, "https_proxy");
    Optional<HttpUrl> http = proxyUrl(env, "http_proxy");
    if (https.isEmpty() && http.isEmpty()) {
      return Optional.empty();
    }
    String no = variable(env, "no_proxy").orElse("");
    List<String> hosts =
        Arrays.stream(no.split(","))
            .map(String::trim)
            .filter(h -> !h.isEmpty())
            .map(h -> h.toLowerCase(Locale.ROOT))
            .map(h -> h.startsWith(".") ? h.substring(1) : h)
            .map(
                h ->
                    h.contains(":") && !h.startsWith("[") && h.indexOf(':') == h.lastIndexOf(':')
                        ? h.substring(0, h.indexOf(':'))
                        : h)
            .toList();
    return Optional.of(new ProxyEnvironment(https, http, hosts));
  }

  /**
   * {@code builder} with the proxy settings of {@code env}, unless the caller's client already
   * chose a proxy (an explicit {@code proxy} or a proxy selector other than the JVM default).
   */
  static OkHttpClient.Builder apply(
      OkHttpClient base, OkHttpClient.Builder builder, Map<String, String> env) {
    if (base.proxy() != null || base.proxySelector() != ProxySelector.getDefault()) {
      return builder;
    }
    from(env)
        .ifPresent(
            proxies -> {
              builder.proxySelector(proxies);
              builder.proxyAuthenticator(
                  (route, response) ->
                      proxies
                          .authorization(route == null ? null : route.proxy())
                          .filter(
                              header ->
                                  !header.equals(response.request().header("Proxy-Authorization")))
                          .map(
                              header ->
                                  response
                                      .request()
                                      .newBuilder()
                                      .header("Proxy-Authorization", header)
                                      .build())
                          .orElse(null));
            });
    return builder;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    Optional<HttpUrl> proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (proxy.isEmpty() || bypassed(host) || HttpStack.isLoopback(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(
        new Proxy(
            Proxy.Type.HTTP,
            InetSocketAddress.createUnresolved(proxy.get().host(), proxy.get().port())));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // nothing to remember: the call fails and the caller's retry policy decides
  }

  /** Whether {@code host} is reached directly. */
  boolean bypassed(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (String entry : noProxy) {
      if (entry.equals("*") || bare.equals(entry) || bare.endsWith("." + entry)) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> authorization(Proxy proxy) {
    if (proxy == null || !(proxy.address() instanceof InetSocketAddress address)) {
      return Optional.empty();
    }
    for (Optional<HttpUrl> candidate : List.of(https, http)) {
      if (candidate.isPresent()
          && candidate.get().host().equalsIgnoreCase(address.getHostString())
          && candidate.get().port() == address.getPort()
          && !candidate.get().username().isEmpty()) {
        return Optional.of(
            okhttp3.Credentials.basic(candidate.get().username(), candidate.get().password()));
      }
    }
    return Optional.empty();
  }

  private static Optional<HttpUrl> proxyUrl(Map<String, String> env, String name) {
    return variable(env, name)
        .map(
            value -> {
              String url = value.contains("://") ? value : "http://" + value;
              HttpUrl parsed = HttpUrl.parse(url);
              if (parsed == null) {
                // the value is not shown: it may carry a password
                String variable = name.toUpperCase(Locale.ROOT);
                throw new ConfigurationException(
                    null,
                    variable,
                    variable + " is not a proxy URL of the form http://[user:password@]host:port");
              }
              return parsed;
            });
  }

  /** The lower-case variable, else the upper-case one; blank counts as unset. */
  private static Optional<String> variable(Map<String, String> env, String lower) {
    for (String name : List.of(lower, lower.toUpperCase(Locale.ROOT))) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }
}
