package io.connectctl.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A self-managed Kafka Connect worker for the cross-context tests, on a free loopback port: it
 * lists its connectors (status and info, whatever {@code expand} asks), reads a connector and its
 * status, creates, replaces a config, deletes, pauses, resumes, stops and restarts; every request
 * is recorded. Every connector's config is {@code connector.class: X} (a config sent is not kept).
 * It can be scripted to answer every request with one HTTP error, to never answer (until closed),
 * or to hold its answers until a latch opens (so tests decide which context answers first).
 */
final class FleetWorker implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, String> states = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final java.util.Set<String> vanishing = ConcurrentHashMap.newKeySet();
  private volatile int failWith;
  private volatile boolean silent;
  private volatile boolean topicsInConfigs;
  private volatile CountDownLatch answerAfter = new CountDownLatch(0);
  private volatile CountDownLatch answered = new CountDownLatch(1);

  FleetWorker(String... connectors) throws IOException {
    for (String name : connectors) {
      states.put(name, "RUNNING");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Connectors' configs carry {@code topics: t-NAME} instead of their name. */
  FleetWorker withTopicsInConfigs() {
    topicsInConfigs = true;
    return this;
  }

  /** Answers every request with {@code status} and a Kafka Connect error body. */
  FleetWorker failingWith(int status) {
    this.failWith = status;
    return this;
  }

  /**
   * Answers every delete of {@code name} with 404 (it stays listed), as when someone else deleted
   * it after it was listed.
   */
  FleetWorker goneBeforeDelete(String name) {
    vanishing.add(name);
    return this;
  }

  /** Never answers (until closed). */
  FleetWorker silent() {
    this.silent = true;
    return this;
  }

  /** Holds every answer until {@code latch} opens. */
  FleetWorker answeringAfter(CountDownLatch latch) {
    this.answerAfter = latch;
    return this;
  }

  /** Opens when the first answer has been sent. */
  CountDownLatch answered() {
    return answered;
  }

  /** Every request as {@code METHOD PATH}, in arrival order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The requests that change something. */
  List<String> writes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  String state(String name) {
    return states.get(name);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    try (exchange) {
      if (silent) {
        closed.await();
        return;
      }
      if (!answerAfter.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let this worker answer");
      }
      if (failWith != 0) {
        send(exchange, failWith, "{\"error_code\":" + failWith + ",\"message\":\"scripted\"}");
        return;
      }
      String[] parts = path.split("/");
      if (method.equals("GET") && path.equals("/")) {
        send(exchange, 200, "{\"version\":\"3.9.0\",\"commit\":\"x\",\"kafka_cluster_id\":\"k\"}");
      } else if (method.equals("GET") && path.equals("/connectors")) {
        StringBuilder body = new StringBuilder("{");
        states.forEach(
            (name, state) -> {
              if (body.length() > 1) {
                body.append(',');
              }
              body.append('"')
                  .append(name)
                  .append("\":{\"status\":")
                  .append(status(name, state))
                  .append(",\"info\":")
                  .append(info(name))
                  .append('}');
            });
        send(exchange, 200, body.append('}').toString());
      } else if (method.equals("POST") && path.equals("/connectors")) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher name =
            java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!name.find()) {
          send(exchange, 400, "{\"error_code\":400,\"message\":\"no name\"}");
          return;
        }
        states.put(name.group(1), "RUNNING");
        send(exchange, 201, info(name.group(1)));
      } else if (parts.length == 3 && states.containsKey(parts[2]) && method.equals("GET")) {
        send(exchange, 200, info(parts[2]));
      } else if (parts.length == 3 && method.equals("DELETE")) {
        if (vanishing.contains(parts[2]) || states.remove(parts[2]) == null) {
          send(exchange, 404, "{\"error_code\":404,\"message\":\"Connector not found\"}");
        } else {
          send(exchange, 204, null);
        }
      } else if (parts.length == 4 && states.containsKey(parts[2])) {
        String name = parts[2];
        switch (method + " " + parts[3]) {
          case "GET status" -> send(exchange, 200, status(name, states.get(name)));
          case "PUT pause" -> change(exchange, name, "PAUSED", 202);
          case "PUT resume" -> change(exchange, name, "RUNNING", 202);
          case "PUT stop" -> change(exchange, name, "STOPPED", 204);
          case "POST restart" -> send(exchange, 204, null);
          case "PUT config" -> send(exchange, 200, info(name));
          default -> send(exchange, 405, "{\"error_code\":405,\"message\":\"no\"}");
        }
      } else {
        send(exchange, 404, "{\"error_code\":404,\"message\":\"Connector not found\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void change(HttpExchange exchange, String name, String state, int code)
      throws IOException {
    states.put(name, state);
    send(exchange, code, null);
  }

  /**
   * A connector's definition: class X and its name, or (for the read tests) class X and topic
   * {@code t-NAME}.
   */
  private String info(String name) {
    return "{\"name\":\""
        + name
        + "\",\"config\":{\"connector.class\":\"X\","
        + (topicsInConfigs ? "\"topics\":\"t-" : "\"name\":\"")
        + name
        + "\"},\"tasks\":[],\"type\":\"sink\"}";
  }

  private static String status(String name, String state) {
    return "{\"name\":\""
        + name
        + "\",\"connector\":{\"state\":\""
        + state
        + "\",\"worker_id\":\"w:8083\"},\"tasks\":[{\"id\":0,\"state\":\""
        + state
        + "\",\"worker_id\":\"w:8083\"}],\"type\":\"sink\"}";
  }

  private void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    answered.countDown();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
