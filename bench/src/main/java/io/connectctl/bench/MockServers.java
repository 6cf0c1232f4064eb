package io.connectctl.bench;

import io.connectctl.bench.MockServer.Reply;
import io.connectctl.prism.PrismExamples;
import io.connectctl.testkit.OpenApiDocument;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The mock servers the sections run against, each answering with the specs' own examples. Started
 * in a JVM of their own ({@link ServerProcess}) so the client's time and allocations are measured
 * alone.
 *
 * <ul>
 *   <li>{@code status}: Redpanda {@code getConnectorStatus}, example {@code running}, at once.
 *   <li>{@code bulk LATENCY_MS RATE}: Confluent pause (202) and status; every answer LATENCY_MS
 *       late; beyond RATE requests per one-second window (RATE 0 = unlimited) a 429 with {@code
 *       Retry-After: 1} and Confluent's {@code X-RateLimit-*} headers.
 *   <li>{@code listing VENDOR TOTAL}: TOTAL connectors for redpanda / yandex (paged, generated page
 *       by page) or confluent (one expanded map, streamed).
 *   <li>{@code wait}: Redpanda and Yandex pauses that take as long as the connector's name says
 *       ({@code after-30}).
 *   <li>{@code spec}: every Redpanda operation answers its first success example; {@code
 *       listConnectors} pages through the {@code first-page} and {@code last-page} examples as
 *       their tokens say.
 * </ul>
 */
public final class MockServers {
  private static final String PAGE_NAME_FORMAT = "connector-%06d";

  private MockServers() {}

  /**
   * Starts one server kind and prints {@code PORT <port>}; runs until its standard input closes
   * (the process that started it ended or closed it), so a crashed benchmark leaves no server
   * behind.
   */
  public static void main(String[] args) throws Exception {
    MockServer server = start(args[0], List.of(args).subList(1, args.length));
    System.out.println("PORT " + server.port());
    System.out.flush();
    System.in.transferTo(java.io.OutputStream.nullOutputStream());
    server.close();
    System.exit(0);
  }

  static MockServer start(String kind, List<String> args) throws IOException {
    return switch (kind) {
      case "status" -> status();
      case "bulk" ->
          bulk(Duration.ofMillis(Long.parseLong(args.get(0))), Integer.parseInt(args.get(1)));
      case "listing" -> listing(args.get(0), Integer.parseInt(args.get(1)));
      case "wait" -> waiting();
      case "spec" -> redpandaSpec();
      default -> throw new IllegalArgumentException("Unknown server kind " + kind);
    };
  }

  private static Reply notFound() {
    return Reply.json(
        404,
        "{\"code\":\"NOT_FOUND\",\"message\":\"no such route in the bench mock\"}"
            .getBytes(StandardCharsets.UTF_8));
  }

  static MockServer status() throws IOException {
    byte[] running =
        SpecExamples.of(Specs.REDPANDA).exampleJson("getConnectorStatus", "200", "running");
    return MockServer.start(
        4,
        Duration.ZERO,
        request ->
            request.method().equals("GET") && request.path().endsWith("/status")
                ? Reply.json(200, running)
                : notFound());
  }

  static MockServer bulk(Duration latency, int perSecond) throws IOException {
    byte[] paused =
        SpecExamples.of(Specs.CONFLUENT).exampleJson("getConnectorStatus", "200", "paused");
    RateWindow window = new RateWindow(perSecond);
    MockServer[] self = new MockServer[1];
    self[0] =
        MockServer.start(
            96,
            latency,
            request -> {
              if (!window.admit()) {
                self[0].count("rejected");
                return new Reply(
                    429,
                    Map.of(
                        "Retry-After",
                        "1",
                        "X-RateLimit-Limit",
                        Integer.toString(perSecond),
                        "X-RateLimit-Remaining",
                        "0",
                        "X-RateLimit-Reset",
                        "1"),
                    null,
                    0);
              }
              if (request.method().equals("PUT") && request.path().endsWith("/pause")) {
                return new Reply(202, Map.of(), null, 0);
              }
              if (request.method().equals("GET") && request.path().endsWith("/status")) {
                return Reply.json(200, paused);
              }
              return notFound();
            });
    return self[0];
  }

  /**
   * Fixed one-second windows from the first request; at most {@code limit} requests in each (0 = no
   * limit).
   */
  static final class RateWindow {
    private final int limit;
    private long start = -1;
    private long window = -1;
    private int used;

    RateWindow(int limit) {
      this.limit = limit;
    }

    synchronized boolean admit() {
      if (limit <= 0) {
        return true;
      }
      long now = System.nanoTime();
      if (start < 0) {
        start = now;
      }
      long current = (now - start) / 1_000_000_000L;
      if (current != window) {
        window = current;
        used = 0;
      }
      if (used < limit) {
        used++;
        return true;
      }
      return false;
    }
  }

  static MockServer listing(String vendor, int total) throws IOException {
    return switch (vendor) {
      case "redpanda" -> {
        List<SpecExamples.Template> items =
            SpecExamples.of(Specs.REDPANDA)
                .listItems(
                    "listConnectors",
                    "connectors",
                    PrismExamples.FIRST_PAGE,
                    PrismExamples.LAST_PAGE);
        yield MockServer.start(
            4,
            Duration.ZERO,
            request ->
                request.method().equals("GET") && request.path().endsWith("/connectors")
                    ? page(
                        items,
                        total,
                        request.param("page_size"),
                        request.param("page_token"),
                        "next_page_token")
                    : notFound());
      }
      case "yandex" -> {
        List<SpecExamples.Template> items =
            SpecExamples.of(Specs.YANDEX)
                .listItems(
                    "listConnectors",
                    "connectors",
                    PrismExamples.FIRST_PAGE,
                    PrismExamples.LAST_PAGE);
        yield MockServer.start(
            4,
            Duration.ZERO,
            request ->
                request.method().equals("GET") && request.path().endsWith("/connectors")
                    ? page(
                        items,
                        total,
                        request.param("pageSize"),
                        request.param("pageToken"),
                        "nextPageToken")
                    : notFound());
      }
      case "confluent" -> {
        List<SpecExamples.Template> entries =
            SpecExamples.of(Specs.CONFLUENT).mapEntries("listConnectors", "expanded");
        yield MockServer.start(
            4,
            Duration.ZERO,
            request ->
                request.method().equals("GET") && request.path().endsWith("/connectors")
                    ? expandedMap(entries, total)
                    : notFound());
      }
      default -> throw new IllegalArgumentException("Unknown vendor " + vendor);
    };
  }

  /**
   * One page of a generated listing: names {@code connector-000000} on, the token is the next
   * offset.
   */
  private static Reply page(
      List<SpecExamples.Template> items,
      int total,
      String pageSize,
      String token,
      String tokenField) {
    int size = pageSize.isEmpty() ? 100 : Math.min(1000, Math.max(1, Integer.parseInt(pageSize)));
    int from = token.isEmpty() ? 0 : Integer.parseInt(token);
    int to = Math.min(total, from + size);
    String next = to < total ? Integer.toString(to) : "";
    return Reply.streamed(
        200,
        out -> {
          out.write("{\"connectors\":[".getBytes(StandardCharsets.UTF_8));
          for (int i = from; i < to; i++) {
            if (i > from) {
              out.write(',');
            }
            items.get(i % items.size()).writeTo(out, String.format(PAGE_NAME_FORMAT, i));
          }
          out.write(
              ("],\"" + tokenField + "\":\"" + next + "\"}").getBytes(StandardCharsets.UTF_8));
        });
  }

  private static Reply expandedMap(List<SpecExamples.Template> entries, int total) {
    return Reply.streamed(
        200,
        out -> {
          out.write('{');
          for (int i = 0; i < total; i++) {
            if (i > 0) {
              out.write(',');
            }
            entries.get(i % entries.size()).writeTo(out, String.format(PAGE_NAME_FORMAT, i));
          }
          out.write('}');
        });
  }

  /**
   * Pauses that take a scripted time, for Redpanda (status polled) and Yandex (operation polled) on
   * one server. The connector's name says how long its pause takes: {@code after-30} turns PAUSED
   * 30 s after the pause request reached the server, {@code after-300ms} 300 ms after it. Status
   * and operation reads are counted per connector ({@code reads.after-30}).
   */
  static MockServer waiting() throws IOException {
    SpecExamples redpanda = SpecExamples.of(Specs.REDPANDA);
    byte[] running = redpanda.exampleJson("getConnectorStatus", "200", "running");
    byte[] paused = redpanda.exampleJson("getConnectorStatus", "200", "paused");
    byte[] accepted = redpanda.exampleJson("pauseConnector", "202", "accepted");
    SpecExamples yandex = SpecExamples.of(Specs.YANDEX);
    String inProgress =
        new String(
            yandex.exampleJson("pauseConnector", "200", "in-progress"), StandardCharsets.UTF_8);
    String done =
        new String(yandex.exampleJson("pauseConnector", "200", "done"), StandardCharsets.UTF_8);
    String exampleId = "c9qh7g3mx5c2nvp0b9t1";
    Map<String, Long> pausedAt = new ConcurrentHashMap<>();
    MockServer[] server = new MockServer[1];
    server[0] =
        MockServer.start(
            8,
            Duration.ZERO,
            request -> {
              String path = request.path();
              String name = path.substring(path.lastIndexOf('/') + 1);
              if (path.endsWith("/pause") || path.contains("/connectors/pause/")) {
                String connector =
                    path.endsWith("/pause") ? path.split("/")[path.split("/").length - 2] : name;
                pausedAt.putIfAbsent(connector, System.nanoTime());
                return path.endsWith("/pause")
                    ? Reply.json(202, accepted)
                    : Reply.json(
                        200,
                        inProgress
                            .replace(exampleId, "op-" + connector)
                            .getBytes(StandardCharsets.UTF_8));
              }
              String connector;
              boolean yandexRead = path.startsWith("/operations/");
              if (yandexRead) {
                connector = name.substring("op-".length());
              } else if (request.method().equals("GET") && path.endsWith("/status")) {
                String[] parts = path.split("/");
                connector = parts[parts.length - 2];
              } else {
                return notFound();
              }
              server[0].count("reads." + connector);
              Long at = pausedAt.get(connector);
              String after = connector.substring(connector.lastIndexOf('-') + 1);
              long delay =
                  after.endsWith("ms")
                      ? Duration.ofMillis(Long.parseLong(after.substring(0, after.length() - 2)))
                          .toNanos()
                      : Duration.ofSeconds(Long.parseLong(after)).toNanos();
              boolean flipped = at != null && System.nanoTime() - at >= delay;
              if (yandexRead) {
                String body = (flipped ? done : inProgress).replace(exampleId, "op-" + connector);
                return Reply.json(200, body.getBytes(StandardCharsets.UTF_8));
              }
              return Reply.json(200, flipped ? paused : running);
            });
    return server[0];
  }

  /**
   * Every Redpanda operation answers its first success example; the listing follows its page
   * tokens.
   */
  static MockServer redpandaSpec() throws IOException {
    SpecExamples redpanda = SpecExamples.of(Specs.REDPANDA);
    Map<String, byte[]> pages =
        Map.of(
            PrismExamples.FIRST_PAGE,
                redpanda.exampleJson("listConnectors", "200", PrismExamples.FIRST_PAGE),
            PrismExamples.LAST_PAGE,
                redpanda.exampleJson("listConnectors", "200", PrismExamples.LAST_PAGE));
    List<Route> routes = new ArrayList<>();
    for (OpenApiDocument.Operation op : redpanda.operations()) {
      for (String code : op.responseCodes()) {
        if (code.startsWith("2")) {
          Map<String, Object> examples = op.responseExamples(code);
          byte[] body =
              examples.isEmpty() ? null : SpecExamples.json(examples.values().iterator().next());
          routes.add(
              new Route(
                  op.method(),
                  Pattern.compile(op.path().replaceAll("\\{[^}]+}", "[^/]+")),
                  op.id(),
                  Integer.parseInt(code),
                  body));
          break;
        }
      }
    }
    return MockServer.start(
        4,
        Duration.ZERO,
        request -> {
          for (Route route : routes) {
            if (route.method().equals(request.method())
                && route.path().matcher(request.path()).matches()) {
              if (route.operationId().equals("listConnectors")) {
                return Reply.json(
                    200, pages.get(PrismExamples.listingPage(request.param("page_token"))));
              }
              return route.body() == null
                  ? new Reply(route.status(), Map.of(), null, 0)
                  : Reply.json(route.status(), route.body());
            }
          }
          return notFound();
        });
  }

  private record Route(String method, Pattern path, String operationId, int status, byte[] body) {}
}
