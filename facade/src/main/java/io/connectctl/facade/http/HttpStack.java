package io.connectctl.facade.http;

import io.connectctl.facade.InvalidRequestException;
import io.connectctl.facade.Vendor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client a vendor client uses: timeouts, authentication, retries and (optional) logging. */
public final class HttpStack {
  private HttpStack() {}

  /** A client derived from the caller's (or a new one) with connectctl's interceptors. */
  public static OkHttpClient build(Vendor vendor, ClientOptions options) {
    OkHttpClient base = options.okHttpClient().orElseGet(OkHttpClient::new);
    return base.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .addInterceptor(new AuthInterceptor(options.credentials()))
        .build();
  }

  /** Releases the pool and dispatcher threads of a client connectctl created itself. */
  public static void release(OkHttpClient client, ClientOptions options) {
    if (options.okHttpClient().isEmpty()) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * Parses and checks a base URL: it must be http(s), and plain http is refused for non-loopback hosts unless
   * allowed.
   *
   * @param setting the name of the setting or flag the URL came from, for the error message
   * @throws InvalidRequestException naming the setting
   */
  public static HttpUrl baseUrl(Vendor vendor, String url, String setting, boolean allowInsecureHttp) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw InvalidRequestException.beforeSending(vendor,
          setting + " must be an http(s) URL, was '" + url + "'", setting);
    }
    if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
      throw InvalidRequestException.beforeSending(vendor, setting + " uses plain http:// to " + parsed.host()
          + ", which would send credentials unencrypted; use https:// or allow insecure HTTP explicitly", setting);
    }
    return parsed;
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      return Character.isDigit(host.charAt(0)) || host.contains(":")
          ? InetAddress.getByName(host).isLoopbackAddress()
          : false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
