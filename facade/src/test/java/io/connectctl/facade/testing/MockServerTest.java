package io.connectctl.facade.testing;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that talk to one {@link MockWebServer}: it is started before each test (before
 * the subclass's own {@code @BeforeEach}, so that can build clients on {@link #baseUrl()}) and shut
 * down after it, once everything handed to {@link #closeAfter} is closed, newest first.
 */
public abstract class MockServerTest {
  /** The Confluent environment of {@link #confluentClient}. */
  protected static final String CONFLUENT_ENVIRONMENT = "env-a1b2c3";

  /** The Confluent cluster of {@link #confluentClient}. */
  protected static final String CONFLUENT_CLUSTER = "lkc-x9y8z7";

  /** The server of the running test. */
  protected MockWebServer server;

  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    try {
      while (!toClose.isEmpty()) {
        toClose.pop().close();
      }
    } finally {
      server.shutdown();
    }
  }

  /** Closes {@code closeable} after the test, before the server stops; returns it. */
  protected <T extends AutoCloseable> T closeAfter(T closeable) {
    toClose.push(closeable);
    return closeable;
  }

  /** The server's root URL. */
  protected String baseUrl() {
    return server.url("/").toString();
  }

  /** Queues a 200 answer with this JSON body. */
  protected void answerJson(String json) {
    server.enqueue(new MockResponse().setBody(json).setHeader("Content-Type", "application/json"));
  }

  /**
   * A Confluent client on this server ({@link #CONFLUENT_ENVIRONMENT}, {@link #CONFLUENT_CLUSTER},
   * API key {@code TESTKEY}), without retries, closed after the test.
   */
  protected ConfluentConnectorClient confluentClient(String apiSecret) {
    return closeAfter(
        ConfluentConnectorClient.builder()
            .baseUrl(baseUrl())
            .environment(CONFLUENT_ENVIRONMENT)
            .kafkaCluster(CONFLUENT_CLUSTER)
            .credentials(StaticCredentials.basic("TESTKEY", apiSecret))
            .retryPolicy(RetryPolicy.none())
            .build());
  }

  /** A Redpanda client on this server with this bearer token, without retries, closed after. */
  protected RedpandaConnectorClient redpandaClient(String token) {
    return closeAfter(
        RedpandaConnectorClient.builder()
            .baseUrl(baseUrl())
            .credentials(StaticCredentials.bearer(token))
            .retryPolicy(RetryPolicy.none())
            .build());
  }
}
