package io.connectctl.facade.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forwarding HTTP proxy on a free loopback port, for proxy tests. Plain requests ({@code
 * GET http://host/…}) are forwarded to their host with the request line rewritten to origin form;
 * {@code CONNECT host:port} opens a tunnel to {@code host:port} when that can be reached, else
 * answers 502. Every request line is recorded. Host names ending in {@code .test} (a reserved
 * top-level domain) are connected to loopback, so tests can name hosts that are not loopback to the
 * client yet lead to local servers.
 */
public final class TestProxy implements Closeable {
  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "test-proxy");
            t.setDaemon(true);
            return t;
          });
  private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

  /** Starts the proxy. */
  public TestProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * The request lines seen so far ({@code CONNECT host:443 HTTP/1.1}, {@code GET http://…
   * HTTP/1.1}).
   */
  public List<String> requestLines() {
    synchronized (requestLines) {
      return List.copyOf(requestLines);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> handle(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String line = head.substring(0, head.indexOf("\r\n"));
      requestLines.add(line);
      String[] parts = line.split(" ");
      if (parts[0].equals("CONNECT")) {
        String[] hostPort = parts[1].split(":");
        Socket upstream;
        try {
          upstream = new Socket(resolve(hostPort[0]), Integer.parseInt(hostPort[1]));
        } catch (IOException unreachable) {
          client
              .getOutputStream()
              .write(
                  "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          return;
        }
        try (upstream) {
          client
              .getOutputStream()
              .write(
                  "HTTP/1.1 200 Connection established\r\n\r\n"
                      .getBytes(StandardCharsets.US_ASCII));
          pipe(client, upstream, new byte[0]);
        }
        return;
      }
      URI target = URI.create(parts[1]);
      String originForm =
          target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
      String rewritten =
          parts[0] + " " + originForm + " " + parts[2] + head.substring(head.indexOf("\r\n"));
      int port = target.getPort() < 0 ? 80 : target.getPort();
      try (Socket upstream = new Socket()) {
        upstream.connect(new InetSocketAddress(resolve(target.getHost()), port));
        pipe(client, upstream, rewritten.getBytes(StandardCharsets.ISO_8859_1));
      }
    } catch (IOException | RuntimeException e) {
      // the test sees the failure on the client side
    }
  }

  private static InetAddress resolve(String host) throws IOException {
    return host.endsWith(".test") ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
  }

  /** Sends {@code first} upstream, then copies both ways until either side closes. */
  private void pipe(Socket client, Socket upstream, byte[] first) throws IOException {
    upstream.getOutputStream().write(first);
    upstream.getOutputStream().flush();
    var back =
        threads.submit(
            () -> {
              copy(upstream.getInputStream(), client.getOutputStream());
              return null;
            });
    copy(client.getInputStream(), upstream.getOutputStream());
    try {
      back.get();
    } catch (Exception e) {
      // either side closed
    }
  }

  private static void copy(InputStream in, OutputStream out) {
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // closed
    }
  }

  /** The request line and headers, up to and including the blank line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b; matched < 4 && (b = in.read()) >= 0; ) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
