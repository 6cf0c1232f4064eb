package io.connectctl.gateways;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A gateway reached through {@code prism proxy --errors SPEC UPSTREAM}: Prism checks every request against the
 * curated spec before forwarding it and every answer of the gateway before returning it, and turns any violation
 * into an error answer. Clients talk to a small relay in front of Prism ({@link #url()}) that records every
 * violation Prism reports (so a test can fail on them even when the client retried or swallowed the error) and
 * drops the body Prism 5.14 wrongly attaches to a {@code 204 No Content} (see toolchain-notes: it answers
 * {@code Content-Length: 2}, which OkHttp rightly refuses). Nothing else is changed on the way.
 */
final class PrismProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "expect", "upgrade", "keep-alive", "te", "trailer", "http2-settings");

  private final Process prism;
  private final Path log;
  private final int prismPort;
  private final HttpServer relay;
  private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "prism-relay");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  private PrismProxy(Process prism, Path log, int prismPort) throws IOException {
    this.prism = prism;
    this.log = log;
    this.prismPort = prismPort;
    this.relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    relay.setExecutor(executor);
    relay.createContext("/", this::forward);
    relay.start();
  }

  /** Starts Prism in proxy mode for {@code spec} in front of {@code upstream} and waits until it answers. */
  static PrismProxy start(Path spec, String upstream) {
    Path prismBin = Path.of(System.getProperty("connectctl.prism", "../specs/node_modules/.bin/prism"));
    if (!Files.isExecutable(prismBin)) {
      throw new IllegalStateException("Prism is not installed at " + prismBin + " (the specs module installs it)");
    }
    try {
      int port = freePort();
      Path log = Files.createTempFile("prism-proxy-" + spec.getFileName() + "-", ".log");
      Process process = new ProcessBuilder(prismBin.toString(), "proxy", "--errors", "-h", "127.0.0.1", "-p",
          Integer.toString(port), spec.toString(), upstream).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      PrismProxy proxy = new PrismProxy(process, log, port);
      try {
        proxy.awaitReady();
      } catch (RuntimeException e) {
        proxy.close();
        throw e;
      }
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException("could not start Prism: " + e.getMessage(), e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && prism.isAlive()) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + prismPort + "/__ready").toURL()
            .openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(5000);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("Prism proxy did not start; its output:\n" + output());
  }

  /** The URL clients use (the relay in front of Prism), without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + relay.getAddress().getPort();
  }

  /** Every violation Prism reported so far, each with the request that caused it. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /** Forgets the violations seen so far (a test that provokes one on purpose). */
  void clearViolations() {
    violations.clear();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      URI target = URI.create("http://127.0.0.1:" + prismPort + exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
      HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(90))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      String what = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      String text = new String(response.body(), StandardCharsets.UTF_8);
      if (text.contains("stoplight.io/prism/errors")) {
        violations.add(what + " -> " + response.statusCode() + " " + text);
      }
      response.headers().allValues("sl-violations").forEach(v -> violations.add(what + " -> sl-violations " + v));
      response.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          values.forEach(v -> exchange.getResponseHeaders().add(name, v));
        }
      });
      int status = response.statusCode();
      boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
      byte[] out = noBody ? new byte[0] : response.body();
      exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    relay.stop(0);
    executor.shutdownNow();
    prism.descendants().forEach(ProcessHandle::destroy);
    prism.destroy();
    try {
      if (!prism.waitFor(10, TimeUnit.SECONDS)) {
        prism.destroyForcibly();
      }
    } catch (InterruptedException e) {
      prism.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The violations as one message, or empty. */
  String report() {
    List<String> all = new ArrayList<>(violations);
    return all.isEmpty() ? "" : String.join("\n", all);
  }
}
