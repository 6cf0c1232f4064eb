package io.connectctl.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP server (the JDK's {@code HttpServer}) for the benchmarks: a thread pool, an
 * optional fixed latency added before every answer, and counters served at {@code GET /__stats}.
 * Unlike MockWebServer it keeps no record of the requests, so it can take hundreds of thousands of
 * them.
 */
public final class MockServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // the client's
    // delayed ACK add ~40 ms to some answers on loopback.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * What the server got.
   *
   * @param query the query parameters (of a repeated one, the last)
   * @param rawQuery the query as sent, empty without one
   */
  public record Request(String method, String path, Map<String, String> query, String rawQuery) {
    /** A query parameter, or empty. */
    public String param(String name) {
      return query.getOrDefault(name, "");
    }
  }

  /** Writes a body to the response. */
  @FunctionalInterface
  public interface Body {
    /** Writes the body. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param headers extra headers
   * @param body the body, or null for none
   * @param length the body's length, or 0 when it is streamed (chunked)
   */
  public record Reply(int status, Map<String, String> headers, Body body, long length) {
    /** A JSON answer with a known body. */
    public static Reply json(int status, byte[] body) {
      return new Reply(status, Map.of(), out -> out.write(body), body.length);
    }

    /** A JSON answer written as it is generated. */
    public static Reply streamed(int status, Body body) {
      return new Reply(status, Map.of(), body, 0);
    }

    /** The same answer with one more header. */
    public Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, length);
    }
  }

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    /** The answer to {@code request}. */
    Reply handle(Request request) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  private MockServer(HttpServer server, ExecutorService pool) {
    this.server = server;
    this.pool = pool;
  }

  /**
   * Starts a server on 127.0.0.1 and a free port.
   *
   * @param threads the handler threads (answers waiting out {@code latency} each hold one)
   * @param latency added before every answer
   */
  public static MockServer start(int threads, Duration latency, Handler handler)
      throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "mock-server");
              t.setDaemon(true);
              return t;
            });
    http.setExecutor(pool);
    MockServer mock = new MockServer(http, pool);
    http.createContext("/", exchange -> mock.serve(exchange, latency, handler));
    http.start();
    return mock;
  }

  private void serve(HttpExchange exchange, Duration latency, Handler handler) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/__stats")) {
        byte[] stats = stats().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, stats.length);
        exchange.getResponseBody().write(stats);
        return;
      }
      if (!latency.isZero()) {
        sleep(latency);
      }
      Request request =
          new Request(
              exchange.getRequestMethod(),
              path,
              query(exchange.getRequestURI().getRawQuery()),
              Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""));
      count("requests");
      count(request.method());
      Reply reply = handler.handle(request);
      count("status." + reply.status());
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      if (reply.body() == null) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), reply.length());
      try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
        reply.body().writeTo(out);
      }
    } catch (RuntimeException | IOException e) {
      count("errors");
      throw e;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds one to a named counter (shown at {@code /__stats}). */
  public void count(String counter) {
    counters.computeIfAbsent(counter, k -> new LongAdder()).increment();
  }

  /** The counters as {@code name=value} lines. */
  public String stats() {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(counters)
        .forEach((k, v) -> sb.append(k).append('=').append(v.sum()).append('\n'));
    return sb.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  /** The root URL without a trailing slash, e.g. {@code http://127.0.0.1:40123}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
