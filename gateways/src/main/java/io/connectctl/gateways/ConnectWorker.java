package io.connectctl.gateways;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A minimal client of one real Kafka Connect worker's REST API, shared by the gateways. Answers
 * come back as {@link Answer}s (status plus parsed JSON); a worker that cannot be reached is an
 * {@link Unreachable}.
 */
public final class ConnectWorker {
  private final URI base;
  private final HttpClient http;

  /**
   * A client of the worker at {@code url}.
   *
   * @param url the worker's REST URL, e.g. {@code http://127.0.0.1:8083}
   */
  public ConnectWorker(String url) {
    String u = Objects.requireNonNull(url, "url");
    this.base = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The worker's URL. */
  public String url() {
    return base.toString();
  }

  /**
   * One answer of the worker.
   *
   * @param status the HTTP status
   * @param body the parsed JSON body, or null when there was none
   */
  record Answer(int status, Object body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** The worker's error message ({@code message} of its {@code {error_code, message}} body). */
    String message() {
      String m = Json.str(Json.obj(body).get("message"));
      return m == null ? "Kafka Connect answered HTTP " + status : m;
    }
  }

  /** The worker could not be reached. */
  static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  Answer get(String path) {
    return call("GET", path, null);
  }

  Answer call(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Object parsed;
      try {
        parsed = Json.parse(response.body());
      } catch (IllegalArgumentException notJson) {
        parsed = Json.map("error_code", (long) response.statusCode(), "message", response.body());
      }
      return new Answer(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new Unreachable(
          "Kafka Connect worker " + base + " is not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while calling " + base, e);
    }
  }

  /** {@code /connectors/NAME} plus {@code suffix}, the name percent-encoded. */
  static String connectorPath(String name, String suffix) {
    return "/connectors/" + encode(name) + suffix;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Every connector with its info and status, keyed by name ({@code ?expand=info&expand=status}).
   */
  Map<String, Object> expanded() {
    Answer a = get("/connectors?expand=info&expand=status");
    if (!a.ok()) {
      throw new Unreachable("Kafka Connect listed no connectors: " + a.message(), null);
    }
    return Json.obj(a.body());
  }

  /** The connector plugins with their {@code class}, {@code type} and {@code version}. */
  List<Object> plugins(boolean connectorsOnly) {
    return Json.list(get("/connector-plugins?connectorsOnly=" + connectorsOnly).body());
  }

  /** The plugins as the clouds list them: only {@code class}, {@code type} and {@code version}. */
  List<Object> pluginSummaries(boolean connectorsOnly) {
    List<Object> summaries = new ArrayList<>();
    for (Object p : plugins(connectorsOnly)) {
      Map<String, Object> plugin = Json.obj(p);
      summaries.add(
          Json.map(
              "class",
              plugin.get("class"),
              "type",
              plugin.get("type"),
              "version",
              plugin.get("version")));
    }
    return summaries;
  }

  /** The state the worker reports for connector {@code name}, or null when it reports none. */
  String connectorState(String name) {
    Answer a = get(connectorPath(name, "/status"));
    return Json.str(Json.obj(Json.obj(a.body()).get("connector")).get("state"));
  }

  /** The first line of a stack trace the worker reported. */
  static String firstLine(String trace) {
    int nl = trace.indexOf('\n');
    return nl < 0 ? trace : trace.substring(0, nl);
  }
}
