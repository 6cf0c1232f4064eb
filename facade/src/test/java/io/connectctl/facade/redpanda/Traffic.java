package io.connectctl.facade.redpanda;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * A caller-supplied OkHttpClient for tests: it adds {@code Prefer} headers by rule (method and path) so Prism
 * answers with a chosen example or status, and records every exchange that reached the network.
 */
final class Traffic {
  /**
   * One request and the status it got.
   *
   * @param method the HTTP method
   * @param path the encoded path
   * @param query the encoded query, or null
   * @param body the request body as text, empty if none
   * @param authorization the Authorization header sent
   * @param code the response status
   * @param violations Prism's {@code sl-violations} header, or null
   */
  record Exchange(String method, String path, String query, String body, String authorization, int code,
      String violations) {}

  private record Rule(String method, Pattern path, boolean withPageToken, String prefer) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final OkHttpClient client;

  Traffic() {
    client = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(withPrefer(chain.request())))
        .addNetworkInterceptor(chain -> {
          Request request = chain.request();
          Response response = chain.proceed(request);
          exchanges.add(new Exchange(request.method(), request.url().encodedPath(), request.url().encodedQuery(),
              body(request), request.header("Authorization"), response.code(), response.header("sl-violations")));
          return response;
        })
        .build();
  }

  /** Requests with {@code method} whose path ends with {@code pathSuffix} get {@code Prefer: prefer}. */
  Traffic prefer(String method, String pathSuffix, String prefer) {
    rules.add(new Rule(method, Pattern.compile(".*" + Pattern.quote(pathSuffix)), false, prefer));
    return this;
  }

  /** As {@link #prefer}, for list requests that carry a {@code page_token} (listed first, so it wins). */
  Traffic preferForNextPage(String prefer) {
    rules.add(0, new Rule("GET", Pattern.compile(".*/connectors"), true, prefer));
    return this;
  }

  OkHttpClient client() {
    return client;
  }

  List<Exchange> exchanges() {
    return new ArrayList<>(exchanges);
  }

  private Request withPrefer(Request request) {
    for (Rule rule : rules) {
      boolean hasToken = request.url().queryParameter("page_token") != null;
      if (rule.method().equals(request.method()) && rule.path().matcher(request.url().encodedPath()).matches()
          && (!rule.withPageToken() || hasToken)) {
        return request.newBuilder().header("Prefer", rule.prefer()).build();
      }
    }
    return request;
  }

  private static String body(Request request) throws IOException {
    if (request.body() == null) {
      return "";
    }
    Buffer buffer = new Buffer();
    request.body().writeTo(buffer);
    return buffer.readUtf8();
  }
}
