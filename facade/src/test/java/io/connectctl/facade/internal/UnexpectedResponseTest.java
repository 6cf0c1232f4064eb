package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.UnexpectedResponseException;
import io.connectctl.facade.testing.MockServerTest;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** A success whose body does not match the API is its own kind, not a status-0 server error. */
class UnexpectedResponseTest extends MockServerTest {
  @Test
  void malformedSuccessBodyIsAnUnexpectedResponse() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"name\": orders"));
    TestStack stack = new TestStack(server, Vendor.REDPANDA, RetryPolicy.none());

    UnexpectedResponseException e =
        assertThrows(
            UnexpectedResponseException.class,
            () ->
                Calls.execute(Vendor.REDPANDA, stack.api.get("orders"), "get connector 'orders'"));

    assertEquals(ErrorKind.UNEXPECTED_RESPONSE, e.kind());
    assertEquals(1, server.getRequestCount());
  }
}
