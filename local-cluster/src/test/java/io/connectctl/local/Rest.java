package io.connectctl.local;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A few calls to a Connect worker's REST API, for the tests. */
final class Rest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final String url;

  Rest(String url) {
    this.url = url;
  }

  /** The status code and the body parsed as JSON (null when empty). */
  record Answer(int status, Object json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
      return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    List<Object> list() {
      return (List<Object>) json;
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  Answer put(String path, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(MOSHI.adapter(Object.class).toJson(body))));
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE());
  }

  /**
   * Creates or replaces connector {@code name} (retrying the 409 a worker answers while it
   * rebalances).
   */
  Answer putConfig(String name, Map<String, String> config) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Answer answer = put("/connectors/" + name + "/config", config);
      if (answer.status() != 409 || System.nanoTime() > deadline) {
        return answer;
      }
      sleep(500);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body == null || body.isBlank()
              ? null
              : MOSHI.adapter(Object.class).lenient().fromJson(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits up to {@code timeout} for {@code condition}; false if it never held. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      sleep(250);
    }
    return condition.getAsBoolean();
  }

  /** The lines of {@code file}, none if it does not exist yet. */
  static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
