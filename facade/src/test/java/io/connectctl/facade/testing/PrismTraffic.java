package io.connectctl.facade.testing;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * The caller-supplied {@link OkHttpClient} of a test against Prism. It adds a {@code Prefer} header
 * chosen by rule (so Prism answers with a named example or status, e.g. {@code example=paused},
 * {@code code=404}) and records every request as it went over the wire, with the status Prism gave
 * it and Prism's {@code sl-violations} verdict.
 *
 * <pre>{@code
 * PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=paused");
 * client = RedpandaConnectorClient.builder()...okHttpClient(traffic.client()).build();
 * ...
 * assertNull(traffic.matching("PUT", "/pause").get(0).violations());
 * }</pre>
 *
 * <p>The header is added before the facade's own interceptors, so it is sent with every attempt;
 * exchanges are recorded after them, so they show the headers really sent ({@code Authorization},
 * {@code Idempotency-Key}) and one entry per attempt.
 */
public final class PrismTraffic {
  /**
   * One request as sent and what came back.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param headers the request headers as sent
   * @param body the request body as text, empty if none
   * @param code the response status
   * @param violations Prism's {@code sl-violations} header, null when the request matched the spec
   */
  public record Exchange(
      String method, HttpUrl url, Headers headers, String body, int code, String violations) {
    /** The encoded path. */
    public String path() {
      return url.encodedPath();
    }

    /** The encoded query, empty if none. */
    public String query() {
      return Objects.requireNonNullElse(url.encodedQuery(), "");
    }

    /** The {@code Authorization} header sent, or null. */
    public String authorization() {
      return headers.get("Authorization");
    }
  }

  private final List<Function<Request, String>> rules = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  /**
   * Requests with {@code method} whose encoded path ends with {@code pathSuffix} get {@code Prefer:
   * prefer}.
   */
  public PrismTraffic prefer(String method, String pathSuffix, String prefer) {
    return prefer(
        request ->
            request.method().equals(method) && request.url().encodedPath().endsWith(pathSuffix)
                ? prefer
                : null);
  }

  /**
   * A rule that picks the {@code Prefer} value for a request, or returns null to leave it to later
   * rules. Rules are asked in the order they were added; the first value wins.
   */
  public PrismTraffic prefer(Function<Request, String> rule) {
    rules.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /** A new client with the rules and the recording. */
  public OkHttpClient client() {
    return client(new OkHttpClient());
  }

  /**
   * A client derived from {@code base} (sharing its pool and threads) with the rules and the
   * recording.
   */
  public OkHttpClient client(OkHttpClient base) {
    return base.newBuilder()
        .addInterceptor(chain -> chain.proceed(withPrefer(chain.request())))
        .addNetworkInterceptor(
            chain -> {
              Request request = chain.request();
              Response response = chain.proceed(request);
              exchanges.add(
                  new Exchange(
                      request.method(),
                      request.url(),
                      request.headers(),
                      body(request),
                      response.code(),
                      response.header("sl-violations")));
              return response;
            })
        .build();
  }

  /** Every exchange so far, in order. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** How many exchanges there were. */
  public int count() {
    return exchanges.size();
  }

  /** The exchanges with {@code method} whose path ends with {@code pathSuffix}, in order. */
  public List<Exchange> matching(String method, String pathSuffix) {
    return exchanges.stream()
        .filter(e -> e.method().equals(method) && e.path().endsWith(pathSuffix))
        .toList();
  }

  private Request withPrefer(Request request) {
    for (Function<Request, String> rule : rules) {
      String prefer = rule.apply(request);
      if (prefer != null) {
        return request.newBuilder().header("Prefer", prefer).build();
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
