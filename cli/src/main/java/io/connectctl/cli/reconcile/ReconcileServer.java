package io.connectctl.cli.reconcile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.CliException;
import io.connectctl.cli.output.Printer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code --metrics-address HOST:PORT}: {@code /metrics} (the Prometheus client's own handler, in
 * the exposition format the scraper asks for), {@code /healthz} (200 while the process runs),
 * {@code /readyz} (200 when every context completed a cycle within two intervals, else 503 naming
 * the late ones) and {@code /status} (JSON: the contexts and what was last seen and done per
 * connector).
 */
final class ReconcileServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private ReconcileServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Parses {@code HOST:PORT} (exit 2 when it is not one). */
  static InetSocketAddress address(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw CliException.usage(
          "Invalid value for --metrics-address: '" + text + "' (expected HOST:PORT)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      throw CliException.usage(
          "Invalid value for --metrics-address: '" + text + "' (the port must be 0-65535)");
    }
  }

  /** Starts serving on {@code address} (exit 2 when it cannot be bound). */
  static ReconcileServer start(
      InetSocketAddress address,
      ReconcileMetrics metrics,
      Reconciler reconciler,
      Duration interval,
      Clock clock) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw CliException.usage(
          "Cannot serve metrics on " + address + ": " + e.getMessage() + " (--metrics-address)");
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "connectctl-metrics");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/metrics", new MetricsHandler(metrics.registry));
    server.createContext("/healthz", exchange -> send(exchange, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        exchange -> {
          List<String> late = late(reconciler, interval, clock.instant());
          if (late.isEmpty() && !reconciler.contexts().isEmpty()) {
            send(exchange, 200, "text/plain", "ready\n");
          } else {
            send(
                exchange,
                503,
                "text/plain",
                reconciler.contexts().isEmpty()
                    ? "no cycle completed yet\n"
                    : "not reconciled within two intervals: " + String.join(", ", late) + "\n");
          }
        });
    server.createContext(
        "/status",
        exchange -> {
          Map<String, Object> body = new LinkedHashMap<>();
          Map<String, Object> contexts = new LinkedHashMap<>();
          Map<String, Instant> last = reconciler.lastSuccess();
          for (String context : reconciler.contexts()) {
            Instant when = last.get(context);
            contexts.put(context, when == null ? null : when.toString());
          }
          body.put("lastSuccess", contexts);
          body.put("connectors", reconciler.status());
          send(exchange, 200, "application/json", Printer.json(body) + "\n");
        });
    server.start();
    return new ReconcileServer(server, executor);
  }

  /** The contexts with no successful cycle within two intervals of {@code now}. */
  static List<String> late(Reconciler reconciler, Duration interval, Instant now) {
    Map<String, Instant> last = reconciler.lastSuccess();
    return reconciler.contexts().stream()
        .filter(
            c -> last.get(c) == null || last.get(c).plus(interval.multipliedBy(2)).isBefore(now))
        .toList();
  }

  /** The port served (the one chosen when 0 was asked for). */
  int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
