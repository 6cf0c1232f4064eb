package io.connectctl.cli.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code --verbose}: one line per request and one per response (method, URL, status, time). Headers
 * and bodies are never logged, so credentials and config secrets cannot appear; query parameters
 * that look secret are hidden.
 */
public final class RequestLog implements Interceptor {
  private final Consumer<String> log;

  /**
   * @param log where the lines go
   */
  public RequestLog(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String target = request.method() + " " + redact(request.url());
    log.accept("> " + target);
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log.accept(
          "< "
              + response.code()
              + " "
              + target
              + " ("
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
              + " ms)");
      return response;
    } catch (IOException e) {
      log.accept("< failed " + target + ": " + e.getClass().getSimpleName());
      throw e;
    }
  }

  static String redact(HttpUrl url) {
    HttpUrl.Builder builder = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (io.connectctl.facade.Redaction.isSecret(name, url.queryParameter(name))
          && !name.toLowerCase().contains("page")) {
        builder.setQueryParameter(name, io.connectctl.facade.Redaction.REDACTED);
      }
    }
    return builder.build().toString();
  }
}
