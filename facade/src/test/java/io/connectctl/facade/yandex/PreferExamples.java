package io.connectctl.facade.yandex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Test network interceptor: adds a {@code Prefer} header chosen per request (so Prism answers with a given example
 * or status) and records every exchange as it went over the wire.
 */
final class PreferExamples implements Interceptor {
  /**
   * One request and Prism's verdict on it.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param headers the request headers as sent
   * @param code the response status
   * @param violations Prism's {@code sl-violations} header, null when the request matched the spec
   */
  record Exchange(String method, HttpUrl url, Headers headers, int code, String violations) {
    String path() {
      return url.encodedPath();
    }
  }

  private final Function<Request, String> prefer;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  /** @param prefer the Prefer header value for a request ({@code example=paused}, {@code code=404}), or null */
  PreferExamples(Function<Request, String> prefer) {
    this.prefer = prefer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String value = prefer.apply(request);
    if (value != null) {
      request = request.newBuilder().header("Prefer", value).build();
    }
    Response response = chain.proceed(request);
    exchanges.add(new Exchange(request.method(), request.url(), request.headers(), response.code(),
        response.header("sl-violations")));
    return response;
  }

  List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }
}
