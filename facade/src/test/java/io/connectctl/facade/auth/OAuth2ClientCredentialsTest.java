package io.connectctl.facade.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.internal.ClientOptions;
import io.connectctl.facade.internal.HttpStack;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuth2ClientCredentialsTest {
  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private TokenServer server;

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private TokenServer serverIssuing(long expiresIn) throws IOException {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setHeader("Content-Type", "application/json")
                    .setBody(
                        "{\"access_token\":\""
                            + server.issue("tok-" + n)
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + expiresIn
                            + "}"));
    return server;
  }

  private OAuth2ClientCredentials credentials() {
    return OAuth2ClientCredentials.builder()
        .clientId("client-1")
        .clientSecret("client-secret-1")
        .tokenUrl(server.url("/token"))
        .clock(clock)
        .build();
  }

  private OkHttpClient stack(Credentials credentials) {
    return HttpStack.build(
        Vendor.REDPANDA,
        new ClientOptions(
            credentials,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            RetryPolicy.none(),
            PollingPolicy.defaults(),
            Optional.empty(),
            false,
            false));
  }

  private int get(OkHttpClient client) throws IOException {
    try (Response r =
        client.newCall(new Request.Builder().url(server.url("/api/things")).build()).execute()) {
      return r.code();
    }
  }

  @Test
  void theTokenIsFetchedOnceAndSharedByCalls() throws Exception {
    serverIssuing(3600);
    OkHttpClient client = stack(credentials());

    for (int i = 0; i < 3; i++) {
      assertEquals(200, get(client));
    }

    assertEquals(1, server.tokenRequestCount());
    assertEquals(3, server.apiRequests.get());
    RecordedRequest token = server.tokenRequests.get(0);
    assertEquals("POST", token.getMethod());
    assertTrue(token.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals(
        "grant_type=client_credentials&client_id=client-1&client_secret=client-secret-1",
        token.getBody().readUtf8());
    assertEquals(
        null, token.getHeader("Authorization"), "the token request carries no bearer token");
  }

  @Test
  void theAudienceIsSentWhenSet() throws Exception {
    serverIssuing(3600);
    OAuth2ClientCredentials credentials =
        OAuth2ClientCredentials.builder()
            .clientId("c")
            .clientSecret("secret-c")
            .tokenUrl(server.url("/token"))
            .audience(OAuth2ClientCredentials.REDPANDA_AUDIENCE)
            .build();

    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    assertEquals(
        "grant_type=client_credentials&client_id=c&client_secret=secret-c"
            + "&audience=cloudv2-production.redpanda.cloud",
        server.tokenRequests.get(0).getBody().readUtf8());
  }

  @Test
  void theTokenIsRefreshedAMinuteBeforeItExpires() throws Exception {
    serverIssuing(3600);
    OAuth2ClientCredentials credentials = credentials();

    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(3539));
    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("Bearer tok-2", credentials.authorizationHeader());
    assertEquals(2, server.tokenRequestCount());
  }

  @Test
  void aShortLivedTokenIsRefreshedATenthOfItsLifetimeEarly() throws Exception {
    serverIssuing(300);
    OAuth2ClientCredentials credentials = credentials();

    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(269));
    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("Bearer tok-2", credentials.authorizationHeader());
  }

  @Test
  void aTokenRevokedMidRunIsReplacedOnceOn401() throws Exception {
    serverIssuing(3600);
    OkHttpClient client = stack(credentials());
    assertEquals(200, get(client));

    server.revoke("tok-1");
    assertEquals(200, get(client));
    assertEquals(200, get(client));

    assertEquals(2, server.tokenRequestCount());
    assertEquals(
        4, server.apiRequests.get(), "one refused request, retried once with the new token");
  }

  @Test
  void aTokenThatKeepsBeingRefusedIsRefreshedOnlyOncePerCall() throws Exception {
    server =
        new TokenServer(
            n -> new MockResponse().setBody("{\"access_token\":\"never-valid-" + n + "\"}"));
    OkHttpClient client = stack(credentials());

    assertEquals(401, get(client));

    assertEquals(2, server.tokenRequestCount());
    assertEquals(2, server.apiRequests.get());
  }

  @Test
  void invalidateFetchesANewToken() throws Exception {
    serverIssuing(3600);
    OAuth2ClientCredentials credentials = credentials();
    assertEquals("Bearer tok-1", credentials.authorizationHeader());

    credentials.invalidate();

    assertEquals("Bearer tok-2", credentials.authorizationHeader());
    assertTrue(credentials.canRefresh());
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    serverIssuing(3600);
    OAuth2ClientCredentials credentials = credentials();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(credentials::authorizationHeader);
      }
      for (Future<String> f : pool.invokeAll(tasks)) {
        assertEquals("Bearer tok-1", f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, server.tokenRequestCount());
  }

  @Test
  void aMissingExpiryCountsAsFiveMinutes() throws Exception {
    server =
        new TokenServer(n -> new MockResponse().setBody("{\"access_token\":\"tok-" + n + "\"}"));
    OAuth2ClientCredentials credentials = credentials();

    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(269));
    assertEquals("Bearer tok-1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("Bearer tok-2", credentials.authorizationHeader());
  }

  @Test
  void aRefusedGrantIsUnauthorizedWithTheServersReason() throws Exception {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setResponseCode(401)
                    .setBody(
                        "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));
    OAuth2ClientCredentials credentials = credentials();

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, credentials::authorizationHeader);

    assertEquals(ErrorKind.UNAUTHORIZED, e.kind());
    assertEquals(Vendor.REDPANDA, e.vendor());
    assertEquals(
        "redpanda: could not obtain an access token from "
            + server.url("/token")
            + ": HTTP 401 access_denied: Unauthorized (check the credentials)",
        e.getMessage());
    assertFalse(e.getMessage().contains("client-secret-1"));
  }

  @Test
  void aTokenFailureReachesTheCallerOfTheStack() throws Exception {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setResponseCode(400)
                    .setBody(
                        "{\"error\":\"invalid_request\",\"error_description\":\"client_secret client-secret-1 is malformed\"}"));
    OkHttpClient client = stack(credentials());

    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> get(client));

    assertTrue(
        e.getMessage().contains("HTTP 400 invalid_request: client_secret <redacted> is malformed"),
        e.getMessage());
    assertEquals(0, server.apiRequests.get());
  }

  @Test
  void anAnswerWithoutATokenIsExplained() throws Exception {
    server = new TokenServer(n -> new MockResponse().setBody("{\"token_type\":\"Bearer\"}"));

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, () -> credentials().authorizationHeader());

    assertTrue(e.getMessage().endsWith(": the answer has no \"access_token\""), e.getMessage());
  }

  @Test
  void anAnswerThatIsNotJsonIsExplainedWithoutItsContent() throws Exception {
    server = new TokenServer(n -> new MockResponse().setBody("{\"access_token\":\"half-a-tok"));

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, () -> credentials().authorizationHeader());

    assertTrue(
        e.getMessage().endsWith(": the answer is not a JSON object (27 characters)"),
        e.getMessage());
  }

  @Test
  void anUnreachableTokenEndpointIsUnauthorizedWithTheCause() throws Exception {
    server = new TokenServer(n -> new MockResponse());
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/token").toString();
    closed.shutdown();
    OAuth2ClientCredentials credentials =
        OAuth2ClientCredentials.builder()
            .clientId("c")
            .clientSecret("secret-c")
            .tokenUrl(url)
            .build();

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, credentials::authorizationHeader);

    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(
        e.getMessage()
            .startsWith(
                "redpanda: could not obtain an access token from " + url + ": ConnectException"),
        e.getMessage());
  }

  @Test
  void toStringAndSecrets() throws Exception {
    serverIssuing(3600);
    OAuth2ClientCredentials credentials = credentials();
    credentials.authorizationHeader();

    assertEquals(
        "OAuth2ClientCredentials[clientId=client-1, tokenUrl=" + server.url("/token") + "]",
        credentials.toString());
    assertTrue(
        credentials.secrets().containsAll(List.of("client-secret-1", "tok-1")),
        credentials.secrets().toString());
  }

  @Test
  void builderRefusesMissingPartsAndPlainHttp() throws Exception {
    server = new TokenServer(n -> new MockResponse());
    IllegalArgumentException noSecret =
        assertThrows(
            IllegalArgumentException.class,
            () -> OAuth2ClientCredentials.builder().clientId("c").build());
    assertEquals("clientSecret must not be empty", noSecret.getMessage());
    IllegalArgumentException noId =
        assertThrows(
            IllegalArgumentException.class,
            () -> OAuth2ClientCredentials.builder().clientSecret("s").build());
    assertEquals("clientId must not be empty", noId.getMessage());

    InvalidRequestException http =
        assertThrows(
            InvalidRequestException.class,
            () ->
                OAuth2ClientCredentials.builder()
                    .clientId("c")
                    .clientSecret("s")
                    .tokenUrl("http://auth.example/token")
                    .build());
    assertEquals("tokenUrl", http.violations().get(0).field());
    OAuth2ClientCredentials.builder()
        .clientId("c")
        .clientSecret("s")
        .tokenUrl("http://auth.example/token")
        .allowInsecureHttp(true)
        .build();
  }
}
