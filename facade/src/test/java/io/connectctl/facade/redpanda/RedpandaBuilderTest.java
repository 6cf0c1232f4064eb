package io.connectctl.facade.redpanda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.UnauthorizedException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What {@link RedpandaConnectorClient.Builder} accepts and refuses. */
class RedpandaBuilderTest {
  private static final StaticCredentials TOKEN = StaticCredentials.bearer("builder-test-token");

  private static InvalidRequestException refused(String setting, Executable build) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, build);
    assertTrue(e.getMessage().contains(setting), e.getMessage());
    assertEquals(setting, e.violations().get(0).field());
    assertEquals(0, e.httpStatus());
    return e;
  }

  @Test
  void baseUrlIsRequired() {
    refused("baseUrl", () -> RedpandaConnectorClient.builder().credentials(TOKEN).build());
    refused(
        "baseUrl", () -> RedpandaConnectorClient.builder().baseUrl(" ").credentials(TOKEN).build());
  }

  @Test
  void baseUrlMustBeAnHttpUrl() {
    InvalidRequestException e =
        refused(
            "baseUrl",
            () ->
                RedpandaConnectorClient.builder()
                    .baseUrl("api.example.com")
                    .credentials(TOKEN)
                    .build());
    assertTrue(e.getMessage().contains("api.example.com"), e.getMessage());
  }

  @Test
  void badBaseUrlIsReportedBeforeMissingCredentials() {
    refused("baseUrl", () -> RedpandaConnectorClient.builder().baseUrl("ftp://nowhere").build());
  }

  @Test
  void plainHttpOffLoopbackNeedsExplicitPermission() {
    refused(
        "baseUrl",
        () ->
            RedpandaConnectorClient.builder()
                .baseUrl("http://api.example.com")
                .credentials(TOKEN)
                .build());
    try (RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl("http://api.example.com")
            .credentials(TOKEN)
            .allowInsecureHttp(true)
            .build()) {
      assertEquals("http://api.example.com/", client.baseUrl());
    }
  }

  @Test
  void connectClusterMustBeAClusterName() {
    for (String bad : new String[] {"", "a/b", "red panda", "x".repeat(129), null}) {
      refused(
          "connectCluster",
          () ->
              RedpandaConnectorClient.builder()
                  .baseUrl("https://api.example.com")
                  .connectCluster(bad)
                  .credentials(TOKEN)
                  .build());
    }
  }

  @Test
  void tokenUrlMustNotBeEmpty() {
    refused(
        "tokenUrl",
        () ->
            RedpandaConnectorClient.builder()
                .baseUrl("https://api.example.com")
                .tokenUrl("")
                .credentials(TOKEN)
                .build());
  }

  @Test
  void defaults() {
    try (RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl("https://api.example.com")
            .credentials(TOKEN)
            .build()) {
      assertEquals("redpanda", client.connectCluster());
      assertEquals("https://api.example.com/", client.baseUrl());
      assertEquals(
          "RedpandaConnectorClient[baseUrl=https://api.example.com/, connectCluster=redpanda]",
          client.toString());
    }
    assertEquals(
        "https://auth.prd.cloud.redpanda.com/oauth/token",
        RedpandaConnectorClient.DEFAULT_TOKEN_URL);
  }

  @Test
  void withoutCredentialsTheEnvironmentIsAsked() {
    assumeTrue(
        System.getenv("REDPANDA_TOKEN") == null && System.getenv("REDPANDA_CLIENT_ID") == null,
        "the environment holds Redpanda credentials");
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> RedpandaConnectorClient.builder().baseUrl("https://api.example.com").build());
    assertTrue(e.getMessage().contains("REDPANDA_TOKEN"), e.getMessage());
  }

  @Test
  void connectClusterAndBaseUrlPathShapeEveryRequest() throws IOException, InterruptedException {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(
          new MockResponse()
              .setResponseCode(404)
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"code\":\"NOT_FOUND\",\"message\":\"Connector orders not found\",\"details\":[]}"));
      try (RedpandaConnectorClient client =
          RedpandaConnectorClient.builder()
              .baseUrl(server.url("/proxy/dataplane").toString())
              .connectCluster("analytics")
              .credentials(TOKEN)
              .retryPolicy(RetryPolicy.none())
              .build()) {
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.status("orders"));
        assertTrue(
            e.getMessage().contains("connector 'orders' on Connect cluster 'analytics'"),
            e.getMessage());
      }
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals(
          "/proxy/dataplane/v1/kafka-connect/clusters/analytics/connectors/orders/status",
          request.getPath());
      assertEquals("Bearer builder-test-token", request.getHeader("Authorization"));
    }
  }

  @Test
  void closeLeavesACallerSuppliedClientUsable() {
    OkHttpClient own = new OkHttpClient();
    RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl("https://api.example.com")
            .credentials(TOKEN)
            .okHttpClient(own)
            .build();
    client.close();
    client.close();
    assertFalse(own.dispatcher().executorService().isShutdown());
  }

  @Test
  void toStringShowsNoCredentials() {
    try (RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl("https://api.example.com")
            .credentials(TOKEN)
            .build()) {
      assertFalse(client.toString().contains("builder-test-token"));
    }
  }
}
