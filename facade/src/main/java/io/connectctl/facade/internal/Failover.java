package io.connectctl.facade.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Several base URLs for one service whose instances all answer alike (Kafka Connect workers: any
 * worker forwards to the leader). Requests are built against the first URL; this interceptor sends
 * each to the URL that last answered and, when the connection cannot be made (refused, unknown
 * host, no route, connect timeout: nothing was sent), tries the next, and so on once round the
 * list. When none can be reached the failure names every URL tried. Failures after sending (a
 * reset, a read timeout) are not failed over: the server may have acted.
 */
public final class Failover implements Interceptor {
  private final List<HttpUrl> bases;
  private final String primary;
  private final AtomicInteger current = new AtomicInteger();

  /**
   * @param bases the base URLs, the first being the one requests are built against; each ends with
   *     {@code /}
   */
  public Failover(List<HttpUrl> bases) {
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("at least one base URL is needed");
    }
    this.bases = List.copyOf(bases);
    this.primary = bases.get(0).toString();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String url = request.url().toString();
    if (bases.size() == 1 || !url.startsWith(primary)) {
      return chain.proceed(request);
    }
    String relative = url.substring(primary.length());
    int start = current.get();
    StringBuilder tried = new StringBuilder();
    IOException last = null;
    for (int i = 0; i < bases.size(); i++) {
      int index = (start + i) % bases.size();
      HttpUrl target = HttpUrl.get(bases.get(index).toString() + relative);
      try {
        Response response = chain.proceed(request.newBuilder().url(target).build());
        current.set(index);
        return response;
      } catch (IOException e) {
        if (!RetryInterceptor.isBeforeSending(e)) {
          throw e;
        }
        last = e;
        tried
            .append(tried.length() == 0 ? "" : "; ")
            .append(bases.get(index))
            .append(" (")
            .append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            .append(')');
      }
    }
    ConnectException none =
        new ConnectException("none of the " + bases.size() + " URLs could be reached: " + tried);
    none.initCause(last);
    throw none;
  }
}
