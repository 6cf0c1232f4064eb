package io.connectctl.facade.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer playing a token endpoint ({@code /token}) and an API ({@code /api/...}) that
 * accepts only tokens it issued and has not revoked.
 */
final class TokenServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> tokenRequests = new ArrayList<>();
  final AtomicInteger apiRequests = new AtomicInteger();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile IntFunction<MockResponse> tokenResponse;

  /**
   * @param tokenResponse the answer to the n-th token request (1-based); issue tokens with {@link
   *     #issue}.
   */
  TokenServer(IntFunction<MockResponse> tokenResponse) throws IOException {
    this.tokenResponse = tokenResponse;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().startsWith("/token")) {
              synchronized (tokenRequests) {
                tokenRequests.add(request);
              }
              return TokenServer.this.tokenResponse.apply(issued.incrementAndGet());
            }
            apiRequests.incrementAndGet();
            String auth = request.getHeader("Authorization");
            boolean ok =
                auth != null && auth.startsWith("Bearer ") && valid.contains(auth.substring(7));
            return ok
                ? new MockResponse().setBody("{}")
                : new MockResponse()
                    .setResponseCode(401)
                    .setBody("{\"code\":16,\"message\":\"bad token\"}");
          }
        });
    server.start();
  }

  /** Marks {@code token} as accepted by the API and returns it. */
  String issue(String token) {
    valid.add(token);
    return token;
  }

  void revoke(String token) {
    valid.remove(token);
  }

  int tokenRequestCount() {
    synchronized (tokenRequests) {
      return tokenRequests.size();
    }
  }

  String url(String path) {
    return server.url(path).toString();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
