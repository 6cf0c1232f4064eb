package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.testing.MockServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One operation over many connectors, through a real Redpanda client against a MockWebServer. */
class BulkTest extends MockServerTest {
  private static final String CONNECTORS = "/v1/kafka-connect/clusters/redpanda/connectors/";
  private static final int CONCURRENCY = 4;

  /** c00 … c19; c01, c06, c11, c16 do not exist and c03, c10, c17 hit a server error. */
  private static final List<String> NAMES =
      IntStream.range(0, 20).mapToObj(i -> String.format("c%02d", i)).toList();

  private static boolean missing(String name) {
    return Integer.parseInt(name.substring(1)) % 5 == 1;
  }

  private static boolean broken(String name) {
    return Integer.parseInt(name.substring(1)) % 7 == 3;
  }

  /**
   * Answers pause requests and watches how many are in flight at once. The first {@link
   * #CONCURRENCY} requests wait for one another, so the test knows that many ran together; all then
   * hold briefly so an unbounded run would show more.
   */
  private static final class PauseServer extends Dispatcher {
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch firstWave = new CountDownLatch(CONCURRENCY);

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      requestsByPath
          .computeIfAbsent(request.getMethod() + " " + request.getPath(), p -> new AtomicInteger())
          .incrementAndGet();
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        firstWave.countDown();
        firstWave.await(10, TimeUnit.SECONDS);
        Thread.sleep(20);
        String name =
            request.getPath().substring(CONNECTORS.length(), request.getPath().lastIndexOf('/'));
        if (missing(name)) {
          return json(
              404,
              "{\"code\":\"NOT_FOUND\",\"message\":\"Connector "
                  + name
                  + " not found\",\"details\":[]}");
        }
        if (broken(name)) {
          return json(
              500, "{\"code\":\"INTERNAL\",\"message\":\"worker unavailable\",\"details\":[]}");
        }
        return json(202, "{}");
      } finally {
        inFlight.decrementAndGet();
      }
    }

    private static MockResponse json(int code, String body) {
      return new MockResponse()
          .setResponseCode(code)
          .setHeader("Content-Type", "application/json")
          .setBody(body);
    }
  }

  private final PauseServer dispatcher = new PauseServer();
  private RedpandaConnectorClient client;

  @BeforeEach
  void start() {
    server.setDispatcher(dispatcher);
    client = redpandaClient("bulk-test-token");
  }

  @Test
  void everyConnectorGetsOneResultInInputOrderWithTheRightFailures() {
    BulkResult<PendingChange> result = Bulk.apply(NAMES, CONCURRENCY, client::pause);

    assertEquals(NAMES, result.items().stream().map(BulkResult.Item::connector).toList());
    for (BulkResult.Item<PendingChange> item : result.items()) {
      String name = item.connector();
      assertTrue(
          item.value().isPresent() != item.error().isPresent(),
          name + ": exactly one of value and error");
      if (missing(name)) {
        NotFoundException e =
            assertInstanceOf(NotFoundException.class, item.error().orElseThrow(), name);
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().contains(name), e.getMessage());
      } else if (broken(name)) {
        ServerErrorException e =
            assertInstanceOf(ServerErrorException.class, item.error().orElseThrow(), name);
        assertEquals(500, e.httpStatus());
        assertEquals(ErrorKind.SERVER_ERROR, e.kind());
      } else {
        PendingChange change = item.value().orElseThrow();
        assertEquals(name, change.connector());
        assertEquals("PAUSED", change.target());
      }
    }
    assertEquals(
        List.of("c01", "c03", "c06", "c10", "c11", "c16", "c17"),
        result.failures().stream().map(BulkResult.Item::connector).toList());
    assertFalse(result.allSucceeded());
  }

  @Test
  void everyConnectorGetsExactlyOneRequest() {
    Bulk.apply(NAMES, CONCURRENCY, client::pause);

    assertEquals(NAMES.size(), server.getRequestCount());
    assertEquals(NAMES.size(), dispatcher.requestsByPath.size());
    for (String name : NAMES) {
      AtomicInteger count = dispatcher.requestsByPath.get("PUT " + CONNECTORS + name + "/pause");
      assertEquals(1, count == null ? 0 : count.get(), name);
    }
  }

  @Test
  void noMoreThanTheConcurrencyRunAtOnce() {
    Bulk.apply(NAMES, CONCURRENCY, client::pause);

    assertEquals(
        CONCURRENCY, dispatcher.maxInFlight.get(), "as many as allowed, and no more, ran together");
  }

  @Test
  void aConcurrencyOfOneRunsOneAtATimeInOrder() {
    List<String> started = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();

    BulkResult<String> result =
        Bulk.apply(
            List.of("a", "b", "c"),
            1,
            name -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              synchronized (started) {
                started.add(name);
              }
              running.decrementAndGet();
              return name.toUpperCase();
            });

    assertEquals(List.of("a", "b", "c"), started);
    assertEquals(1, maxRunning.get());
    assertEquals(
        List.of("A", "B", "C"), result.items().stream().map(i -> i.value().orElseThrow()).toList());
    assertTrue(result.allSucceeded());
  }

  @Test
  void aFailureThatIsNotAConnectCloudExceptionBecomesConnectorFailedNamingTheConnector() {
    BulkResult<String> result =
        Bulk.apply(
            List.of("ok-1", "broken", "ok-2"),
            2,
            name -> {
              if (name.equals("broken")) {
                throw new IllegalStateException("disk full");
              }
              return name;
            });

    assertEquals(
        List.of("ok-1", "broken", "ok-2"),
        result.items().stream().map(BulkResult.Item::connector).toList());
    BulkResult.Item<String> broken = result.items().get(1);
    ConnectorFailedException e =
        assertInstanceOf(ConnectorFailedException.class, broken.error().orElseThrow());
    assertEquals("broken", e.connector());
    assertEquals(ErrorKind.FAILED, e.kind());
    assertNull(e.vendor());
    assertEquals(
        "Operation on connector 'broken' failed: java.lang.IllegalStateException: disk full",
        e.getMessage());
    assertEquals(
        "ok-2", result.items().get(2).value().orElseThrow(), "a failure does not stop the others");
    assertEquals(1, result.failures().size());
  }

  @Test
  void aConnectCloudExceptionIsReportedAsThrown() {
    ConflictException conflict =
        new ConflictException(
            "busy", ErrorContext.response(Vendor.CONFLUENT, 409).withRequestId("req-1"), null);

    BulkResult<String> result =
        Bulk.apply(
            List.of("x"),
            3,
            name -> {
              throw conflict;
            });

    assertSame(conflict, result.items().get(0).error().orElseThrow());
  }

  @Test
  void aConcurrencyBelowOneIsRefusedBeforeAnythingRuns() {
    AtomicInteger calls = new AtomicInteger();
    for (int concurrency : new int[] {0, -1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Bulk.apply(NAMES, concurrency, name -> calls.incrementAndGet()));
      assertEquals("concurrency must be at least 1, was " + concurrency, e.getMessage());
    }
    assertEquals(0, calls.get());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void noNamesGiveAnEmptyResult() {
    BulkResult<PendingChange> result = Bulk.apply(List.of(), CONCURRENCY, client::pause);

    assertEquals(List.of(), result.items());
    assertTrue(result.allSucceeded());
    assertEquals(0, server.getRequestCount());
  }
}
