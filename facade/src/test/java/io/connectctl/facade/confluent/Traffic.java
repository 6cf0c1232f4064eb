package io.connectctl.facade.confluent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Test interceptor for a caller-supplied OkHttpClient: adds Prism's {@code Prefer} header to requests matching a
 * rule, and records every exchange (method, path, query, body, status, {@code sl-violations}).
 */
final class Traffic implements Interceptor {
  /** One request and what came back. */
  record Exchange(String method, String path, String query, String body, int code, String violations) {}

  private record Rule(String method, String pathSuffix, String prefer) {}

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  /** Sends {@code Prefer: prefer} with every {@code method} request whose path ends with {@code pathSuffix}. */
  Traffic prefer(String method, String pathSuffix, String prefer) {
    rules.add(new Rule(method, pathSuffix, prefer));
    return this;
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  int count() {
    return exchanges.size();
  }

  /** The exchanges whose method is {@code method} and path ends with {@code suffix}. */
  List<Exchange> matching(String method, String suffix) {
    return exchanges.stream().filter(e -> e.method().equals(method) && e.path().endsWith(suffix)).toList();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String path = request.url().encodedPath();
    for (Rule rule : rules) {
      if (rule.method().equals(request.method()) && path.endsWith(rule.pathSuffix())) {
        request = request.newBuilder().header("Prefer", rule.prefer()).build();
        break;
      }
    }
    String body = "";
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body = buffer.readUtf8();
    }
    Response response = chain.proceed(request);
    String query = request.url().encodedQuery();
    exchanges.add(new Exchange(request.method(), path, query == null ? "" : query, body, response.code(),
        response.header("sl-violations")));
    return response;
  }
}
