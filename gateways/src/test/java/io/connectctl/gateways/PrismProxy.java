package io.connectctl.gateways;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
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
 * A gateway reached through {@code prism proxy --errors SPEC UPSTREAM}: Prism checks every request
 * against the curated spec before forwarding it and every answer of the gateway before returning
 * it, and turns any violation into an error answer. Clients talk to a small relay in front of Prism
 * ({@link #url()}) that records every violation Prism reports (so a test can fail on them even when
 * the client retried or swallowed the error) and drops the body Prism 5.14 wrongly attaches to a
 * {@code 204 No Content} whose upstream sent a JSON content type (see toolchain-notes: it answers
 * {@code Content-Length: 2}, which OkHttp rightly refuses; the gateways send no content type on a
 * 204, so for them this is a guard). Nothing else is changed on the way.
 */
final class PrismProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive",
          "te",
          "trailer",
          "http2-settings");

  private final Process prism;
  private final Path log;
  private final int prismPort;
  private final HttpServer relay;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          8,
          r -> {
            Thread t = new Thread(r, "prism-relay");
            t.setDaemon(true);
            return t;
          });
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private PrismProxy(Process prism, Path log, int prismPort) throws IOException {
    this.prism = prism;
    this.log = log;
    this.prismPort = prismPort;
    this.relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    relay.setExecutor(executor);
    relay.createContext("/", this::forward);
    relay.start();
  }

  /**
   * Starts Prism in proxy mode for {@code spec} in front of {@code upstream} and waits until it
   * answers.
   */
  static PrismProxy start(Path spec, String upstream) {
    Path prismBin =
        Path.of(System.getProperty("connectctl.prism", "../specs/node_modules/.bin/prism"));
    if (!Files.isExecutable(prismBin)) {
      throw new IllegalStateException(
          "Prism is not installed at " + prismBin + " (the specs module installs it)");
    }
    try {
      int port = freePort();
      Path log = Files.createTempFile("prism-proxy-" + spec.getFileName() + "-", ".log");
      Process process =
          new ProcessBuilder(
                  prismBin.toString(),
                  "proxy",
                  "--errors",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port),
                  spec.toString(),
                  upstream)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
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
    try {
      Eventually.within(Duration.ofSeconds(60))
          .every(Duration.ofMillis(100))
          .ignoring(IOException.class)
          .untilAsserted(
              "Prism answering on /__ready",
              () -> {
                if (!prism.isAlive()) {
                  throw new IllegalStateException("Prism exited");
                }
                HttpURLConnection c =
                    (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + prismPort + "/__ready")
                            .toURL()
                            .openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(5000);
                c.getResponseCode();
                c.disconnect();
              });
    } catch (AssertionError | IllegalStateException notReady) {
      throw new IllegalStateException(
          "Prism proxy did not start; its output:\n" + output(), notReady);
    }
  }

  /** The URL clients use (the relay in front of Prism), without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + relay.getAddress().getPort();
  }

  /** Every violation Prism reported so far, each with the request that caused it. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Every request relayed so far, as {@code METHOD path}, in arrival order: for a test that checks
   * which calls a command sent (a dry run sends only reads).
   */
  List<String> requests() {
    return List.copyOf(requests);
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
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      StringBuilder head = new StringBuilder();
      head.append(exchange.getRequestMethod())
          .append(' ')
          .append(exchange.getRequestURI().getRawPath())
          .append(
              exchange.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + exchange.getRequestURI().getRawQuery())
          .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
          .append(prismPort)
          .append("\r\nConnection: close\r\n");
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
                }
              });
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      RawResponse response;
      try {
        response = send(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      String what = exchange.getRequestMethod() + " " + exchange.getRequestURI();
      String text = new String(response.body(), StandardCharsets.UTF_8);
      if (text.contains("stoplight.io/prism/errors")) {
        violations.add(what + " -> " + response.status() + " " + text);
      }
      for (String[] h : response.headers()) {
        if (h[0].equalsIgnoreCase("sl-violations")) {
          violations.add(what + " -> sl-violations " + h[1]);
        }
        if (!HOP_HEADERS.contains(h[0].toLowerCase(Locale.ROOT))) {
          exchange.getResponseHeaders().add(h[0], h[1]);
        }
      }
      int status = response.status();
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

  /** One answer of Prism as read off the wire. */
  private record RawResponse(int status, List<String[]> headers, byte[] body) {}

  /**
   * One exchange with Prism on a fresh connection ({@code Connection: close}), read by hand: a
   * client library would refuse the 204 with a body that is the reason for this relay. The body is
   * read by {@code Content-Length}, as chunks, or to the end of the stream; a 204 or 304 has none
   * whatever the headers say.
   */
  private RawResponse send(byte[] head, byte[] body) throws IOException {
    try (java.net.Socket socket =
        new java.net.Socket(InetAddress.getLoopbackAddress(), prismPort)) {
      socket.setSoTimeout(90_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write(body);
      out.flush();
      java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2) {
        throw new IOException("not an HTTP answer: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      List<String[]> headers = new ArrayList<>();
      long length = -1;
      boolean chunked = false;
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon).trim();
          String value = line.substring(colon + 1).trim();
          headers.add(new String[] {name, value});
          if (name.equalsIgnoreCase("Content-Length")) {
            length = Long.parseLong(value);
          } else if (name.equalsIgnoreCase("Transfer-Encoding")
              && value.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked = true;
          }
        }
      }
      if (status == 204 || status == 304) {
        return new RawResponse(status, headers, new byte[0]);
      }
      java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
            size > 0;
            size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
          content.write(in.readNBytes(size));
          line(in);
        }
      } else if (length >= 0) {
        content.write(in.readNBytes((int) length));
      } else {
        content.write(in.readAllBytes());
      }
      return new RawResponse(status, headers, content.toByteArray());
    }
  }

  private static String line(java.io.InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
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
