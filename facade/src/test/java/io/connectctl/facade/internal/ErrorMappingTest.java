package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.ForbiddenException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.RateLimitedException;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.testing.MockServerTest;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each vendor's error shapes, and unexpected bodies, as the callers of {@link Calls} see them. */
class ErrorMappingTest extends MockServerTest {
  private ConnectCloudException failure(Vendor vendor, MockResponse response) {
    server.enqueue(response);
    TestStack stack = new TestStack(server, vendor, RetryPolicy.none());
    return assertThrows(
        ConnectCloudException.class,
        () -> Calls.execute(vendor, stack.api.get("orders"), "get connector 'orders'"));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  @Test
  void redpandaNotFoundWithErrorInfo() {
    ConnectCloudException e =
        failure(
            Vendor.REDPANDA,
            json(
                    404,
                    """
        {"code":"NOT_FOUND","message":"connector orders not found",
         "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"REASON_RESOURCE_NOT_FOUND",
                     "domain":"redpanda.com/dataplane","metadata":{"name":"orders"}}]}""")
                .setHeader("x-request-id", "req-42"));

    assertInstanceOf(NotFoundException.class, e);
    assertEquals(ErrorKind.NOT_FOUND, e.kind());
    assertEquals(Vendor.REDPANDA, e.vendor());
    assertEquals(404, e.httpStatus());
    assertEquals("NOT_FOUND/REASON_RESOURCE_NOT_FOUND", e.vendorCode());
    assertEquals("connector orders not found", e.vendorMessage());
    assertEquals("req-42", e.requestId());
    assertEquals(
        "redpanda: get connector 'orders' failed: HTTP 404 NOT_FOUND REASON_RESOURCE_NOT_FOUND: "
            + "connector orders not found (request id req-42)",
        e.getMessage());
  }

  @Test
  void redpandaBadRequestWithFieldViolations() {
    ConnectCloudException e =
        failure(
            Vendor.REDPANDA,
            json(
                400,
                """
        {"code":"INVALID_ARGUMENT","message":"provided parameters are invalid",
         "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"REASON_INVALID_INPUT"},
                    {"@type":"type.googleapis.com/google.rpc.BadRequest","field_violations":[
                      {"field":"connector.name","description":"value is required"},
                      {"field":"connector.config","description":"must not be empty"}]}]}"""));

    InvalidRequestException invalid = assertInstanceOf(InvalidRequestException.class, e);
    assertEquals("INVALID_ARGUMENT/REASON_INVALID_INPUT", e.vendorCode());
    assertEquals(
        List.of(
            new FieldViolation("connector.name", "value is required"),
            new FieldViolation("connector.config", "must not be empty")),
        invalid.violations());
    assertTrue(
        e.getMessage()
            .endsWith(
                "provided parameters are invalid "
                    + "[connector.name: value is required; connector.config: must not be empty]"),
        e.getMessage());
  }

  @Test
  void redpandaKafkaConnectErrorKeepsItsMultiLineMessage() {
    String message =
        "Connector configuration is invalid and contains the following 1 error(s):\\n"
            + "Missing required configuration \\\"aws.s3.bucket.name\\\" which has no default value.";
    ConnectCloudException e =
        failure(
            Vendor.REDPANDA,
            json(
                400,
                "{\"code\":\"INVALID_ARGUMENT\",\"message\":\""
                    + message
                    + "\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                    + "\"reason\":\"REASON_KAFKA_CONNECT_API_ERROR\"}]}"));

    assertEquals("INVALID_ARGUMENT/REASON_KAFKA_CONNECT_API_ERROR", e.vendorCode());
    assertTrue(e.vendorMessage().contains("\n"), "the vendor message is kept as sent");
    assertFalse(e.getMessage().contains("\n"), "the exception message is one line");
  }

  @Test
  void confluentNestedError() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            json(404, "{\"error\":{\"code\":404,\"message\":\"Connector orders not found\"}}"));

    assertInstanceOf(NotFoundException.class, e);
    assertEquals("404", e.vendorCode());
    assertEquals("Connector orders not found", e.vendorMessage());
    assertEquals(
        "confluent: get connector 'orders' failed: HTTP 404: Connector orders not found",
        e.getMessage());
  }

  @Test
  void confluentFlatError() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            json(
                400,
                "{\"code\":400,\"message\":\"Missing required configuration \\\"kafka.api.key\\\"\"}"));

    assertInstanceOf(InvalidRequestException.class, e);
    assertEquals("400", e.vendorCode());
    assertEquals("Missing required configuration \"kafka.api.key\"", e.vendorMessage());
  }

  @Test
  void confluentErrorCodeShape() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT, json(500, "{\"error_code\":500,\"message\":\"Request timed out\"}"));

    assertInstanceOf(ServerErrorException.class, e);
    assertEquals("500", e.vendorCode());
    assertEquals("Request timed out", e.vendorMessage());
  }

  @Test
  void confluentConflictFromKafkaConnect() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            json(409, "{\"error_code\":409,\"message\":\"Connector orders already exists\"}")
                .setHeader("X-Request-Id", "abc"));

    assertInstanceOf(ConflictException.class, e);
    assertEquals("409", e.vendorCode());
    assertEquals("abc", e.requestId());
  }

  @Test
  void confluentRateLimitCarriesTheDelay() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            json(429, "{\"error\":{\"code\":429,\"message\":\"Too Many Requests\"}}")
                .setHeader("Retry-After", "30"));

    RateLimitedException limited = assertInstanceOf(RateLimitedException.class, e);
    assertEquals(Duration.ofSeconds(30), limited.retryAfter());
    assertEquals("Too Many Requests", e.vendorMessage());
  }

  @Test
  void confluentJsonApiErrors() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            json(
                422,
                """
        {"errors":[{"status":"422","code":"invalid_config","detail":"tasks.max must be positive",
                    "source":{"pointer":"/config/tasks.max"}}]}"""));

    InvalidRequestException invalid = assertInstanceOf(InvalidRequestException.class, e);
    assertEquals("invalid_config", e.vendorCode());
    assertEquals(
        List.of(new FieldViolation("/config/tasks.max", "tasks.max must be positive")),
        invalid.violations());
  }

  @Test
  void yandexNotFoundTakesTheRequestIdFromTheBody() {
    ConnectCloudException e =
        failure(
            Vendor.YANDEX,
            json(
                404,
                """
        {"code":5,"message":"connector \\"orders\\" not found",
         "details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo",
                     "requestId":"4c8f2a6d-1e7b-4093-b5a8-9d3e6f0c2b71"}]}"""));

    assertInstanceOf(NotFoundException.class, e);
    assertEquals("5", e.vendorCode());
    assertEquals("connector \"orders\" not found", e.vendorMessage());
    assertEquals("4c8f2a6d-1e7b-4093-b5a8-9d3e6f0c2b71", e.requestId());
    assertEquals(
        "yandex: get connector 'orders' failed: HTTP 404 NOT_FOUND (gRPC 5): connector \"orders\" not found"
            + " (request id 4c8f2a6d-1e7b-4093-b5a8-9d3e6f0c2b71)",
        e.getMessage());
  }

  @Test
  void yandexHeaderRequestIdWinsOverTheBody() {
    ConnectCloudException e =
        failure(
            Vendor.YANDEX,
            json(
                    403,
                    """
        {"code":7,"message":"Permission denied",
         "details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"from-body"}]}""")
                .setHeader("x-request-id", "from-header"));

    assertInstanceOf(ForbiddenException.class, e);
    assertEquals("from-header", e.requestId());
  }

  @Test
  void yandexFieldViolationsInCamelCase() {
    ConnectCloudException e =
        failure(
            Vendor.YANDEX,
            json(
                400,
                """
        {"code":3,"message":"Request validation error",
         "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                     "fieldViolations":[{"field":"connector_spec.name","description":"invalid resource name"}]}]}"""));

    InvalidRequestException invalid = assertInstanceOf(InvalidRequestException.class, e);
    assertEquals("3", e.vendorCode());
    assertEquals(
        List.of(new FieldViolation("connector_spec.name", "invalid resource name")),
        invalid.violations());
    assertTrue(e.getMessage().contains("INVALID_ARGUMENT (gRPC 3)"), e.getMessage());
  }

  @Test
  void aProxyHtmlPageGivesTheRightKindAndItsTitle() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT,
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setBody(
                    "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1>"
                        + "</center><hr><center>nginx</center></body></html>"));

    assertInstanceOf(ServerErrorException.class, e);
    assertEquals(502, e.httpStatus());
    assertEquals("", e.vendorCode());
    assertEquals("", e.vendorMessage());
    assertEquals(
        "confluent: get connector 'orders' failed: HTTP 502: 502 Bad Gateway", e.getMessage());
  }

  /**
   * Jetty's error page for a connector name holding an encoded slash, as Kafka Connect sends it.
   */
  private static final String JETTY_PAGE =
      "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
          + "<title>Error 400 Ambiguous URI path separator</title>\n</head>\n<body><h2>HTTP ERROR 400 "
          + "Ambiguous URI path separator</h2>\n<table>\n<tr><th>URI:</th><td>/connectors/a%2Fb</td></tr>\n"
          + "</table>\n</body>\n</html>\n";

  @Test
  void jettysHtmlErrorPageShowsStatusAndTitle() {
    ConnectCloudException e =
        failure(
            Vendor.KAFKA_CONNECT,
            new MockResponse()
                .setResponseCode(400)
                .setHeader("Content-Type", "text/html;charset=iso-8859-1")
                .setBody(JETTY_PAGE));

    assertEquals(400, e.httpStatus());
    assertTrue(
        e.getMessage().endsWith("failed: HTTP 400: Error 400 Ambiguous URI path separator"),
        e.getMessage());
    assertFalse(e.getMessage().contains("<"), e.getMessage());
  }

  @Test
  void anHtmlPagePassedOnAsAJsonMessageIsReducedToItsTitle() {
    String wrapped =
        "{\"error_code\":400,\"message\":\""
            + JETTY_PAGE.replace("\"", "\\\"").replace("\n", "\\n")
            + "\"}";
    ConnectCloudException e =
        failure(Vendor.REDPANDA, new MockResponse().setResponseCode(400).setBody(wrapped));

    assertEquals("Error 400 Ambiguous URI path separator", e.vendorMessage());
    assertTrue(
        e.getMessage().endsWith("HTTP 400: Error 400 Ambiguous URI path separator"),
        e.getMessage());
    assertFalse(e.getMessage().contains("<"), e.getMessage());
  }

  @Test
  void htmlWithoutTitleIsReducedToItsText() {
    ConnectCloudException e =
        failure(
            Vendor.REDPANDA,
            new MockResponse()
                .setResponseCode(404)
                .setBody("<html><body><h1>Not Found</h1><p>no such path</p></body></html>"));

    assertInstanceOf(NotFoundException.class, e);
    assertTrue(e.getMessage().endsWith("HTTP 404: Not Found no such path"), e.getMessage());
  }

  @Test
  void anEmptyBodySaysSo() {
    ConnectCloudException e = failure(Vendor.YANDEX, new MockResponse().setResponseCode(503));

    assertInstanceOf(ServerErrorException.class, e);
    assertEquals("yandex: get connector 'orders' failed: HTTP 503: (empty body)", e.getMessage());
  }

  @Test
  void truncatedJsonGivesAnExcerpt() {
    ConnectCloudException e =
        failure(Vendor.REDPANDA, json(400, "{\"code\":\"INVALID_ARGUMENT\",\"message\":\"bad na"));

    assertInstanceOf(InvalidRequestException.class, e);
    assertEquals("", e.vendorCode());
    assertTrue(
        e.getMessage().endsWith("HTTP 400: {\"code\":\"INVALID_ARGUMENT\",\"message\":\"bad na"),
        e.getMessage());
  }

  @Test
  void aLongUnexpectedBodyIsCut() {
    ConnectCloudException e =
        failure(
            Vendor.CONFLUENT, new MockResponse().setResponseCode(500).setBody("x".repeat(10_000)));

    assertInstanceOf(ServerErrorException.class, e);
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().endsWith("…"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "401, UNAUTHORIZED",
    "403, FORBIDDEN",
    "404, NOT_FOUND",
    "405, INVALID_REQUEST",
    "408, TIMEOUT",
    "409, CONFLICT",
    "422, INVALID_REQUEST",
    "429, RATE_LIMITED",
    "500, SERVER_ERROR",
    "501, SERVER_ERROR",
    "502, SERVER_ERROR",
    "504, TIMEOUT"
  })
  void theStatusDecidesTheKind(int status, ErrorKind kind) {
    // a body that would suggest otherwise does not change the kind
    ConnectCloudException e =
        failure(Vendor.REDPANDA, json(status, "{\"code\":\"NOT_FOUND\",\"message\":\"x\"}"));
    assertEquals(kind, e.kind());
    assertEquals(status, e.httpStatus());
  }

  @Test
  void malformedJsonOnSuccessIsAServerError() {
    server.enqueue(json(200, "{\"name\": orders"));
    TestStack stack = new TestStack(server, Vendor.REDPANDA, RetryPolicy.none());

    ServerErrorException e =
        assertThrows(
            ServerErrorException.class,
            () ->
                Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'"));
    assertTrue(
        e.getMessage()
            .startsWith("redpanda: get connector 'orders': the response did not match the API"),
        e.getMessage());
  }

  @Test
  void truncatedJsonOnSuccessIsAServerError() {
    server.enqueue(json(200, "{\"name\": \"ord"));
    TestStack stack = new TestStack(server, Vendor.CONFLUENT, RetryPolicy.none());

    assertThrows(
        ServerErrorException.class,
        () -> Calls.execute(Vendor.CONFLUENT, stack.api.get("orders"), "get connector 'orders'"));
  }

  @Test
  void jsonOfTheWrongShapeOnSuccessIsAServerError() {
    server.enqueue(json(200, "[1, 2, 3]"));
    TestStack stack = new TestStack(server, Vendor.YANDEX, RetryPolicy.none());

    assertThrows(
        ServerErrorException.class,
        () -> Calls.execute(Vendor.YANDEX, stack.api.get("orders"), "get connector 'orders'"));
  }
}
