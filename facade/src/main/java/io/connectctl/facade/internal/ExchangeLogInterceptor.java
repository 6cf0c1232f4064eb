package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Hands one line per exchange (each attempt of each request) to the caller's sink, in {@code
 * key=value} form for log pipelines:
 *
 * <pre>
 * connectctl vendor=kafka-connect method=GET url=http://127.0.0.1:8083/connectors status=200 durationMs=6 requestBytes=0 responseBytes=27
 * </pre>
 *
 * A transport failure has {@code status=0} and {@code error=} the exception's class name. The URL
 * is redacted as the debug log's ({@link LogRedaction#url}: its password, secret-looking query
 * parameters and every known secret hidden); headers and bodies are never part of the line, only
 * their sizes.
 */
final class ExchangeLogInterceptor implements Interceptor {
  /** How much of a response of unknown length is buffered to count its bytes. */
  private static final long COUNT_LIMIT = 1024 * 1024;

  private final Vendor vendor;
  private final Consumer<String> sink;

  ExchangeLogInterceptor(Vendor vendor, Consumer<String> sink) {
    this.vendor = vendor;
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String start =
        "connectctl vendor="
            + vendor
            + " method="
            + request.method()
            + " url="
            + new LogRedaction(KnownSecrets.of(request)).url(request.url());
    long requestBytes = requestBytes(request.body());
    long began = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      sink.accept(
          start
              + " status=0 durationMs="
              + millisSince(began)
              + " requestBytes="
              + requestBytes
              + " responseBytes=0 error="
              + e.getClass().getSimpleName());
      throw e;
    }
    sink.accept(
        start
            + " status="
            + response.code()
            + " durationMs="
            + millisSince(began)
            + " requestBytes="
            + requestBytes
            + " responseBytes="
            + responseBytes(response));
    return response;
  }

  private static long requestBytes(RequestBody body) throws IOException {
    return body == null ? 0 : Math.max(body.contentLength(), -1);
  }

  private static long responseBytes(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return 0;
    }
    long length = body.contentLength();
    return length >= 0 ? length : response.peekBody(COUNT_LIMIT).contentLength();
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
