package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
  private static Request request(String method, String idempotencyKey) {
    Request.Builder b = new Request.Builder().url("https://h/x");
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    RequestBody body =
        method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
            ? null
            : RequestBody.create("{}", MediaType.get("application/json"));
    return b.method(method, body).build();
  }

  @Test
  void idempotentMethodsAndKeys() {
    for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE"}) {
      assertTrue(RetryInterceptor.isIdempotent(request(method, null)), method);
    }
    assertFalse(RetryInterceptor.isIdempotent(request("POST", null)));
    assertFalse(RetryInterceptor.isIdempotent(request("PATCH", null)));
    assertTrue(RetryInterceptor.isIdempotent(request("POST", "k-1")));
    assertTrue(RetryInterceptor.isIdempotent(request("PATCH", "k-2")));
  }

  @Test
  void failuresBeforeSending() {
    assertTrue(RetryInterceptor.isBeforeSending(new ConnectException("Connection refused")));
    assertTrue(RetryInterceptor.isBeforeSending(new UnknownHostException("api.example")));
    assertTrue(RetryInterceptor.isBeforeSending(new NoRouteToHostException()));
    assertTrue(RetryInterceptor.isBeforeSending(new SocketTimeoutException("Connect timed out")));
    assertFalse(RetryInterceptor.isBeforeSending(new SocketTimeoutException("timeout")));
    assertFalse(RetryInterceptor.isBeforeSending(new SocketTimeoutException("Read timed out")));
    assertFalse(RetryInterceptor.isBeforeSending(new SocketException("Connection reset")));
    assertFalse(RetryInterceptor.isBeforeSending(new IOException("unexpected end of stream")));
  }
}
