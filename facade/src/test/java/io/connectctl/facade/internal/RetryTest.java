package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.errors.RateLimitedException;
import io.connectctl.facade.errors.RequestTimeoutException;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.testing.MockServerTest;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/**
 * The retry policy as the vendor clients see it: through HttpStack and Calls against a
 * MockWebServer.
 */
class RetryTest extends MockServerTest {
  private static final String REBALANCE =
      """
      {"code":"ABORTED","message":"Request cannot be completed because a rebalance is in progress",
       "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"REASON_KAFKA_CONNECT_API_ERROR",
                   "domain":"redpanda.com/dataplane","metadata":{}}]}""";

  private static MockResponse ok() {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true}");
  }

  private static MockResponse status(int code) {
    if (code == 204) {
      return new MockResponse().setResponseCode(204);
    }
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody("{}");
  }

  private TestStack stack(Vendor vendor) {
    return new TestStack(server, vendor, TestStack.POLICY);
  }

  @Test
  void a429WithRetryAfterSecondsIsRetriedAfterThatDelay() {
    server.enqueue(status(429).setHeader("Retry-After", "2"));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    Map<String, Object> body =
        Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'");

    assertEquals(Map.of("ok", true), body);
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(2)), stack.time.sleeps());
  }

  @Test
  void a429WithoutRetryAfterUsesTheRateLimitResetHeader() {
    server.enqueue(status(429).setHeader("X-RateLimit-Reset", "1"));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'");

    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(1)), stack.time.sleeps());
  }

  @Test
  void a429WithoutAnyDelayHeaderBacksOff() {
    server.enqueue(status(429));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    Calls.execute(Vendor.YANDEX, stack.api.get("orders"), "get thing 'orders'");

    assertEquals(List.of(Duration.ofMillis(100)), stack.time.sleeps());
  }

  @Test
  void aRequestedDelayAboveMaxBackoffEndsRetryingWithTheDelayInTheException() {
    server.enqueue(status(429).setHeader("Retry-After", "120"));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    RateLimitedException e =
        assertThrows(
            RateLimitedException.class,
            () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));

    assertEquals(Duration.ofSeconds(120), e.retryAfter());
    assertEquals(ErrorKind.RATE_LIMITED, e.kind());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), stack.time.sleeps());
  }

  @Test
  void aRequestedDelayBeyondTheTotalBudgetEndsRetrying() {
    RetryPolicy policy =
        new RetryPolicy(
            5, Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ofSeconds(10), 0);
    server.enqueue(status(429).setHeader("Retry-After", "4"));
    server.enqueue(status(429).setHeader("Retry-After", "7"));
    server.enqueue(ok());
    TestStack stack = new TestStack(server, Vendor.CONFLUENT, policy);

    RateLimitedException e =
        assertThrows(
            RateLimitedException.class,
            () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));

    assertEquals(Duration.ofSeconds(7), e.retryAfter());
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofSeconds(4)), stack.time.sleeps());
  }

  @Test
  void a503StormStopsAfterMaxAttemptsWithExponentialWaits() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(status(503));
    }
    TestStack stack = stack(Vendor.REDPANDA);

    ServerErrorException e =
        assertThrows(
            ServerErrorException.class,
            () -> Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get thing 'orders'"));

    assertEquals(503, e.httpStatus());
    assertEquals(TestStack.POLICY.maxAttempts(), server.getRequestCount());
    assertEquals(
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)),
        stack.time.sleeps());
  }

  @Test
  void theTotalBudgetStopsRetriesBeforeMaxAttempts() {
    RetryPolicy policy =
        new RetryPolicy(
            10, Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofSeconds(1), 0);
    for (int i = 0; i < 10; i++) {
      server.enqueue(status(503));
    }
    TestStack stack = new TestStack(server, Vendor.REDPANDA, policy);

    assertThrows(
        ServerErrorException.class,
        () -> Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get thing 'orders'"));

    // waited 400 ms; the next wait (800 ms) would end after the 1 s budget
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of(Duration.ofMillis(400)), stack.time.sleeps());
  }

  @Test
  void a503HonoursRetryAfter() {
    server.enqueue(status(503).setHeader("Retry-After", "1"));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    Calls.execute(Vendor.YANDEX, stack.api.get("orders"), "get thing 'orders'");

    assertEquals(List.of(Duration.ofSeconds(1)), stack.time.sleeps());
  }

  @Test
  void a504IsRetried() {
    server.enqueue(status(504));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    assertEquals(
        Map.of("ok", true),
        Calls.execute(Vendor.YANDEX, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void a504ThatPersistsIsATimeout() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(504));
    }
    TestStack stack = stack(Vendor.YANDEX);

    RequestTimeoutException e =
        assertThrows(
            RequestTimeoutException.class,
            () -> Calls.execute(Vendor.YANDEX, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(504, e.httpStatus());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void putAndDeleteAreRetriedOn503() {
    server.enqueue(status(503));
    server.enqueue(ok());
    server.enqueue(status(503));
    server.enqueue(status(204));
    TestStack stack = stack(Vendor.CONFLUENT);

    Calls.execute(
        Vendor.CONFLUENT, stack.api.put("orders", Map.of("a", "b")), "update thing 'orders'");
    Calls.execute(Vendor.CONFLUENT, stack.api.delete("orders"), "delete thing 'orders'");

    assertEquals(4, server.getRequestCount());
  }

  @Test
  void postWithoutIdempotencyKeyIsNotRetriedOn503() {
    server.enqueue(status(503));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    assertThrows(
        ServerErrorException.class,
        () ->
            Calls.execute(
                Vendor.YANDEX,
                stack.api.create(Map.of("name", "orders")),
                "create thing 'orders'"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void patchWithoutIdempotencyKeyIsNotRetriedOn504() {
    server.enqueue(status(504));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    assertThrows(
        RequestTimeoutException.class,
        () ->
            Calls.execute(
                Vendor.YANDEX,
                stack.api.patch("orders", Map.of("a", "b")),
                "update thing 'orders'"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void postWithIdempotencyKeyIsRetriedOn503WithTheSameKeyAndBody() throws InterruptedException {
    server.enqueue(status(503));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.YANDEX);

    Map<String, Object> body =
        Calls.execute(
            Vendor.YANDEX,
            stack.api.create("key-123", Map.of("name", "orders")),
            "create thing 'orders'");

    assertEquals(Map.of("ok", true), body);
    assertEquals(2, server.getRequestCount());
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = server.takeRequest();
      assertEquals("key-123", r.getHeader("Idempotency-Key"));
      assertEquals("{\"name\":\"orders\"}", r.getBody().readUtf8());
    }
  }

  @Test
  void postIsRetriedOn429BecauseTheServerDidNotAct() {
    server.enqueue(status(429).setHeader("Retry-After", "1"));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    Calls.execute(
        Vendor.CONFLUENT, stack.api.create(Map.of("name", "orders")), "create thing 'orders'");

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void postIsNotRetriedWhenTheConnectionDropsAfterTheRequestWasSent() {
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.REDPANDA);

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () ->
                Calls.execute(
                    Vendor.REDPANDA,
                    stack.api.create(Map.of("name", "orders")),
                    "create thing 'orders'"));

    assertEquals(ErrorKind.NETWORK, e.kind());
    assertEquals(1, server.getRequestCount());
    assertTrue(
        e.getMessage().startsWith("redpanda: create thing 'orders' failed: "), e.getMessage());
  }

  @Test
  void getIsRetriedWhenTheConnectionDropsAfterTheRequestWasSent() {
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.REDPANDA);

    assertEquals(
        Map.of("ok", true),
        Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aConnectionClosedAtStartIsRetriedForGet() {
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.REDPANDA);

    assertEquals(
        Map.of("ok", true),
        Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(1, stack.time.sleeps().size());
  }

  @Test
  void aConnectionClosedAtStartIsNotRetriedForPost() {
    server.enqueue(ok().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.REDPANDA);

    // the client cannot tell whether the server read the request, so a POST is not sent again
    assertThrows(
        NetworkException.class,
        () ->
            Calls.execute(
                Vendor.REDPANDA,
                stack.api.create(Map.of("name", "orders")),
                "create thing 'orders'"));
    assertEquals(List.of(), stack.time.sleeps());
  }

  @Test
  void aRefusedConnectionIsRetriedEvenForPost() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    TestStack stack = new TestStack(closed, Vendor.CONFLUENT, TestStack.POLICY);
    closed.shutdown();

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () ->
                Calls.execute(
                    Vendor.CONFLUENT,
                    stack.api.create(Map.of("name", "orders")),
                    "create thing 'orders'"));

    assertInstanceOf(ConnectException.class, e.getCause());
    assertEquals(TestStack.POLICY.maxAttempts() - 1, stack.time.sleeps().size());
  }

  @Test
  void aRefusedConnectionWithTheDefaultPolicyIsReportedWithinASecondNamingTheUrl()
      throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    TestStack stack = new TestStack(closed, Vendor.REDPANDA, RetryPolicy.defaults());
    String url = closed.url("/v1/things/orders").toString();
    closed.shutdown();

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get thing 'orders'"));

    assertTrue(e.getMessage().contains(url), e.getMessage());
    assertEquals(
        RetryPolicy.defaults().maxAttempts() - 1, stack.time.sleeps().size(), "still retried");
    Duration waited = stack.time.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(
        waited.compareTo(Duration.ofSeconds(1)) < 0,
        "waits " + stack.time.sleeps() + " add up to under 1 s");
  }

  @Test
  void anUnknownHostIsRetriedEvenForPost() {
    okhttp3.OkHttpClient noDns =
        new okhttp3.OkHttpClient.Builder()
            .dns(
                host -> {
                  throw new java.net.UnknownHostException("no such host: " + host);
                })
            .build();
    ClientOptions options =
        new ClientOptions(
            io.connectctl.facade.auth.StaticCredentials.bearer("t-1"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            TestStack.POLICY,
            io.connectctl.facade.PollingPolicy.defaults(),
            java.util.Optional.of(noDns),
            false,
            false);
    TestStack stack = new TestStack(server, Vendor.YANDEX, options);

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () ->
                Calls.execute(
                    Vendor.YANDEX,
                    stack.api.create(Map.of("name", "orders")),
                    "create thing 'orders'"));

    assertInstanceOf(java.net.UnknownHostException.class, e.getCause());
    assertEquals(TestStack.POLICY.maxAttempts() - 1, stack.time.sleeps().size());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aServerThatNeverAnswersIsATimeoutAndNotRetried() {
    server.enqueue(ok().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(ok());
    TestStack stack =
        new TestStack(
            server,
            Vendor.CONFLUENT,
            TestStack.options(
                io.connectctl.facade.auth.StaticCredentials.basic("key", "secret"),
                TestStack.POLICY,
                Duration.ofMillis(300),
                false));

    RequestTimeoutException e =
        assertThrows(
            RequestTimeoutException.class,
            () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));

    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertEquals(0, e.httpStatus());
    assertTrue(
        e.getMessage().startsWith("confluent: get thing 'orders' timed out"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aRedpandaRebalanceConflictIsRetried() {
    server.enqueue(new MockResponse().setResponseCode(409).setBody(REBALANCE));
    server.enqueue(status(204));
    TestStack stack = stack(Vendor.REDPANDA);

    Calls.execute(
        Vendor.REDPANDA,
        stack.api.create(Map.of("include_tasks", true)),
        "restart connector 'orders'");

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anotherRedpandaConflictIsNotRetried() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(409)
            .setBody(
                """
        {"code":"ALREADY_EXISTS","message":"connector orders already exists",
         "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"REASON_KAFKA_CONNECT_API_ERROR"}]}"""));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.REDPANDA);

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () ->
                Calls.execute(
                    Vendor.REDPANDA,
                    stack.api.create(Map.of("name", "orders")),
                    "create connector 'orders'"));

    assertEquals("ALREADY_EXISTS/REASON_KAFKA_CONNECT_API_ERROR", e.vendorCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aRebalanceConflictFromAnotherVendorIsNotRetried() {
    server.enqueue(new MockResponse().setResponseCode(409).setBody(REBALANCE));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    assertThrows(
        ConflictException.class,
        () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void a401WithCredentialsThatCannotRefreshIsNotRepeated() {
    server.enqueue(status(401));
    server.enqueue(ok());
    TestStack stack = stack(Vendor.CONFLUENT);

    assertThrows(
        UnauthorizedException.class,
        () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noRetriesWhenThePolicySaysSo() {
    server.enqueue(status(503));
    server.enqueue(ok());
    TestStack stack = new TestStack(server, Vendor.CONFLUENT, RetryPolicy.none());

    assertThrows(
        ServerErrorException.class,
        () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get thing 'orders'"));
    assertEquals(1, server.getRequestCount());
  }
}
