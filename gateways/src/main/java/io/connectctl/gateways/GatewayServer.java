package io.connectctl.gateways;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part every gateway shares: a JDK HTTP server on a free loopback port, a table of routes
 * (method plus a path pattern whose groups are the path parameters, percent-decoded), and helpers
 * to read JSON requests and write JSON answers. A handler either returns a {@link Reply} or throws
 * {@link Reply.Failure} carrying one. What the server answers by itself (no route, a body that is
 * not JSON, an unexpected failure) is worded by the gateway's {@link ErrorBody}.
 */
abstract class GatewayServer implements AutoCloseable {
  /** A path segment as a route pattern group: one path parameter. */
  static final String SEG = "([^/]+)";

  private final ErrorBody errors;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes = new ArrayList<>();

  GatewayServer(String threadName, ErrorBody errors) {
    this.errors = errors;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException(
          "no free loopback port for the " + threadName + " gateway: " + e.getMessage(), e);
    }
    executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, threadName + "-gateway");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Adds a route; {@code pattern} is matched against the raw (still percent-encoded) path. */
  final void route(String method, String pattern, Handler handler) {
    routes.add(new Route(method, Pattern.compile(pattern), handler));
  }

  /**
   * Routes the four usual requests of a collection at {@code path}: GET lists it and POST adds to
   * it; GET and DELETE on {@code path/ID} read and delete one item. Returns the item's path, for
   * its further routes.
   */
  final String collection(String path, Handler list, Handler create, Handler read, Handler delete) {
    String item = path + "/" + SEG;
    route("GET", path, list);
    route("POST", path, create);
    route("GET", item, read);
    route("DELETE", item, delete);
    return item;
  }

  /** Starts serving. */
  final void start() {
    server.start();
  }

  /** The root URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public final String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Stops serving at once and releases the port and threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A request refused before routing (e.g. missing credentials), or null to go on. */
  Reply admit(Request request) {
    return null;
  }

  /** The message of the answer to a request no route serves. */
  String noRouteMessage(Request request) {
    return "Not found: " + request.method() + " " + request.path();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      Request request = Request.of(exchange);
      reply = admit(request);
      if (reply == null) {
        reply = dispatch(request);
      }
    } catch (Reply.Failure failure) {
      reply = failure.reply();
    } catch (IllegalArgumentException e) {
      // a body that is not JSON, or a handler that failed on bad input
      reply = errors.reply(ErrorBody.Problem.BAD_REQUEST, e.getMessage());
    } catch (RuntimeException e) {
      // the worker or the gateway failed
      reply = errors.reply(ErrorBody.Problem.INTERNAL, e.toString());
    }
    send(exchange, reply);
  }

  private Reply dispatch(Request request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(request.path());
      if (m.matches()) {
        pathKnown = true;
        if (route.method().equals(request.method())) {
          List<String> params = new ArrayList<>();
          for (int i = 1; i <= m.groupCount(); i++) {
            params.add(decode(m.group(i)));
          }
          return route.handler().handle(request.withParams(params));
        }
      }
    }
    // a known path with another method is answered as an unknown path
    return errors.reply(ErrorBody.Problem.NOT_FOUND, noRouteMessage(request));
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    // One request per connection: the JDK server drops idle keep-alive connections on its own
    // schedule, and a
    // client (Prism's proxy among them) that reuses one just as it is dropped sees "socket hang
    // up".
    exchange.getResponseHeaders().set("Connection", "close");
    byte[] bytes =
        reply.body() == null
            ? new byte[0]
            : Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
    if (reply.body() != null) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** One route. */
  private record Route(String method, Pattern pattern, Handler handler) {}

  /** Serves one route. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Request request);
  }

  /**
   * One request.
   *
   * @param method the HTTP method
   * @param path the raw path
   * @param query the query parameters, each name with all its values in order
   * @param headers the request headers (names lower-cased, first value)
   * @param rawBody the body as text (empty when none)
   * @param params the decoded path parameters of the matched route
   */
  record Request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      String rawBody,
      List<String> params) {
    static Request of(HttpExchange exchange) throws IOException {
      String rawQuery = exchange.getRequestURI().getRawQuery();
      Map<String, List<String>> query = new LinkedHashMap<>();
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String part : rawQuery.split("&")) {
          int eq = part.indexOf('=');
          String k =
              URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
          String v =
              eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
          query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Request(
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          query,
          headers,
          body,
          List.of());
    }

    Request withParams(List<String> params) {
      return new Request(method, path, query, headers, rawBody, List.copyOf(params));
    }

    /** Path parameter {@code i} (0-based). */
    String param(int i) {
      return params.get(i);
    }

    /** The first value of query parameter {@code name}, or null. */
    String queryParam(String name) {
      List<String> values = query.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The header (any case), or null. */
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the request carries {@code Authorization: Bearer TOKEN} with a non-blank token. */
    boolean hasBearerToken() {
      String auth = header("Authorization");
      return auth != null && auth.startsWith("Bearer ") && !auth.substring(7).isBlank();
    }

    /** The body parsed as JSON ({@code null} when empty). */
    Object json() {
      return Json.parse(rawBody);
    }
  }
}
