package io.connectctl.facade.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.testing.MockServerTest;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a connector name holds, it travels as exactly one percent-encoded path segment. */
class ConfluentPathEncodingTest extends MockServerTest {
  private static final String STATUS =
      """
      {"name":"x","type":"sink","connector":{"state":"RUNNING","worker_id":"x","trace":""},"tasks":[]}""";

  private ConfluentConnectorClient client;

  @BeforeEach
  void start() {
    client = confluentClient("test-secret");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a/b c%           | a%2Fb%20c%25",
        "..hidden         | ..hidden",
        "../admin         | ..%2Fadmin",
        "orders?x=1#frag  | orders%3Fx%3D1%23frag",
        "заказы-☃         | %D0%B7%D0%B0%D0%BA%D0%B0%D0%B7%D1%8B-%E2%98%83",
        "\" leading space\" | %20leading%20space",
      })
  void nameTravelsAsOneEncodedSegment(String name, String encoded) throws InterruptedException {
    answerJson(STATUS);

    client.status(name);

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals(
        "/connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7/connectors/" + encoded + "/status",
        request.getPath());
  }

  /**
   * {@code .} and {@code ..} cannot be sent as a segment at all: Retrofit rejects them and OkHttp
   * resolves even {@code %2E%2E} as "parent", so they are refused as names before anything is sent.
   */
  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRefusedBeforeSending(String name) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> client.status(name));

    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    assertEquals("name", e.violations().get(0).field());
    assertEquals(0, server.getRequestCount());
  }
}
