package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt of each request at DEBUG: method, URL, headers, status, duration and the start
 * of the bodies. Everything passes through {@link LogRedaction} first: secret headers,
 * secret-looking JSON and form values, and every known secret string are hidden. There is no switch
 * to log unredacted.
 */
final class RedactingLoggingInterceptor implements Interceptor {
  /** How many characters of each body are logged. */
  static final int BODY_LIMIT = 4096;

  /**
   * How many bytes of a body are read to redact it before cutting (so JSON can be parsed whole).
   */
  private static final long SCAN_LIMIT = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RedactingLoggingInterceptor.class);

  private final Vendor vendor;

  RedactingLoggingInterceptor(Vendor vendor) {
    this.vendor = vendor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    LogRedaction redaction = new LogRedaction(KnownSecrets.of(request));
    String target = request.method() + " " + redaction.url(request.url());
    LOG.debug(
        "{}: --> {}{}{}",
        vendor,
        target,
        redaction.headers(requestHeaders(request)),
        requestBody(request, redaction));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      LOG.debug(
          "{}: <-- {} failed after {} ms: {}",
          vendor,
          target,
          millisSince(start),
          redaction.text(
              e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      throw e;
    }
    LOG.debug(
        "{}: <-- {} {} {} ({} ms){}{}",
        vendor,
        response.code(),
        response.message(),
        target,
        millisSince(start),
        redaction.headers(response.headers()),
        responseBody(response, redaction));
    return response;
  }

  /** The request's headers plus the body's {@code Content-Type}, which OkHttp adds only later. */
  private static Headers requestHeaders(Request request) {
    RequestBody body = request.body();
    if (body == null || body.contentType() == null || request.header("Content-Type") != null) {
      return request.headers();
    }
    return request
        .headers()
        .newBuilder()
        .add("Content-Type", body.contentType().toString())
        .build();
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static String requestBody(Request request, LogRedaction redaction) throws IOException {
    RequestBody body = request.body();
    if (body == null) {
      return "";
    }
    if (body.isOneShot() || body.isDuplex() || !isText(body.contentType())) {
      return "\n    (" + describeLength(body.contentLength()) + " body not logged)";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    boolean truncated = buffer.size() > SCAN_LIMIT;
    String text = buffer.readUtf8(Math.min(buffer.size(), SCAN_LIMIT));
    return "\n    " + redaction.body(text, body.contentType(), BODY_LIMIT, truncated);
  }

  private static String responseBody(Response response, LogRedaction redaction) throws IOException {
    ResponseBody body = response.body();
    if (body == null || body.contentLength() == 0) {
      return "";
    }
    if (!isText(body.contentType())) {
      return "\n    (" + describeLength(body.contentLength()) + " body not logged)";
    }
    byte[] bytes = response.peekBody(SCAN_LIMIT + 1).bytes();
    boolean truncated = bytes.length > SCAN_LIMIT;
    String text =
        new String(bytes, 0, (int) Math.min(bytes.length, SCAN_LIMIT), StandardCharsets.UTF_8);
    return text.isEmpty()
        ? ""
        : "\n    " + redaction.body(text, body.contentType(), BODY_LIMIT, truncated);
  }

  private static String describeLength(long length) {
    return length < 0 ? "streamed" : length + "-byte";
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return true;
    }
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return type.type().equalsIgnoreCase("text")
        || subtype.contains("json")
        || subtype.contains("xml")
        || subtype.contains("form");
  }
}
