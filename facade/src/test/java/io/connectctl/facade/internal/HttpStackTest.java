package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpStackTest {
  @Test
  void plainHttpToARemoteHostIsRefusedNamingTheSetting() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                HttpStack.baseUrl(
                    Vendor.CONFLUENT, "http://api.confluent.cloud", "--base-url", false));

    // issue 9: a builder mistake is a configuration error (it was INVALID_REQUEST, as if the API
    // had refused)
    assertEquals(ErrorKind.CONFIGURATION, e.kind());
    assertEquals(0, e.httpStatus());
    assertTrue(
        e.getMessage().startsWith("--base-url uses plain http:// to api.confluent.cloud"),
        e.getMessage());
    assertEquals("--base-url", e.violations().get(0).field());
  }

  @Test
  void plainHttpIsAllowedWhenAskedFor() {
    assertEquals(
        "http://connect.internal:8083/",
        HttpStack.baseUrl(Vendor.REDPANDA, "http://connect.internal:8083", "baseUrl", true)
            .toString());
  }

  @Test
  void plainHttpWithoutCredentialsIsAllowedToAnyHostAndWithThemOnlyWhenAskedFor() {
    ClientOptions none = options(StaticCredentials.none(), false);
    assertEquals(
        "http://connect-0:8083/",
        HttpStack.baseUrl(Vendor.KAFKA_CONNECT, "http://connect-0:8083", "url", none).toString());
    ClientOptions basic = options(StaticCredentials.basicUser("u", "p"), false);
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> HttpStack.baseUrl(Vendor.KAFKA_CONNECT, "http://connect-0:8083", "url", basic));
    assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());
    assertEquals(
        "http",
        HttpStack.baseUrl(
                Vendor.KAFKA_CONNECT,
                "http://connect-0:8083",
                "url",
                options(StaticCredentials.bearer("t"), true))
            .scheme());
  }

  private static ClientOptions options(Credentials credentials, boolean allowInsecureHttp) {
    return new ClientOptions(
        credentials,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        RetryPolicy.none(),
        PollingPolicy.prompt(),
        Optional.empty(),
        false,
        allowInsecureHttp,
        java.util.Map.of());
  }

  @Test
  void plainHttpToLoopbackIsAllowed() {
    for (String url :
        List.of(
            "http://localhost:8080",
            "http://127.0.0.1:4010",
            "http://127.5.0.1",
            "http://[::1]:9")) {
      assertEquals("http", HttpStack.baseUrl(Vendor.YANDEX, url, "baseUrl", false).scheme(), url);
    }
  }

  @Test
  void httpsIsAlwaysFine() {
    assertEquals(
        "https://mdb.api.cloud.yandex.net/",
        HttpStack.baseUrl(Vendor.YANDEX, " https://mdb.api.cloud.yandex.net ", "baseUrl", false)
            .toString());
  }

  @Test
  void somethingThatIsNotAnHttpUrlIsRefused() {
    for (String url : new String[] {"ftp://example.com", "example.com", "", null}) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () -> HttpStack.baseUrl(Vendor.REDPANDA, url, "baseUrl", false));
      assertTrue(e.getMessage().startsWith("baseUrl must be an http(s) URL"), e.getMessage());
      assertEquals(List.of(new FieldViolation("baseUrl", e.getMessage())), e.violations());
    }
  }

  @Test
  void loopbackDetectionNeverLooksNamesUp() {
    assertTrue(HttpStack.isLoopback("localhost"));
    assertTrue(HttpStack.isLoopback("127.0.0.1"));
    assertTrue(HttpStack.isLoopback("::1"));
    assertFalse(HttpStack.isLoopback("10.0.0.1"));
    assertFalse(HttpStack.isLoopback("1password.example"));
    assertFalse(HttpStack.isLoopback("localhost.example.com"));
  }

  @Test
  void theCallersClientIsDerivedFromNotChanged() {
    Interceptor callers = chain -> chain.proceed(chain.request());
    OkHttpClient base = new OkHttpClient.Builder().addInterceptor(callers).build();
    ClientOptions options =
        new ClientOptions(
            StaticCredentials.bearer("token-1"),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            Duration.ofSeconds(20),
            RetryPolicy.defaults(),
            PollingPolicy.defaults(),
            Optional.of(base),
            false,
            false);

    OkHttpClient built = HttpStack.build(Vendor.REDPANDA, options);

    assertEquals(List.of(callers), base.interceptors());
    assertSame(callers, built.interceptors().get(0));
    assertEquals(4, built.interceptors().size());
    assertSame(base.connectionPool(), built.connectionPool());
    assertSame(base.dispatcher(), built.dispatcher());
    assertEquals(3_000, built.connectTimeoutMillis());
    assertEquals(4_000, built.readTimeoutMillis());
    assertEquals(
        20_000 + RetryPolicy.defaults().totalBudget().toMillis(), built.callTimeoutMillis());
    assertFalse(built.retryOnConnectionFailure());
  }

  @Test
  void loggingAddsOneInterceptor() {
    ClientOptions options =
        TestStack.options(
            StaticCredentials.bearer("token-1"), RetryPolicy.none(), Duration.ofSeconds(1), true);
    OkHttpClient built = HttpStack.build(Vendor.REDPANDA, options);
    assertTrue(
        built.interceptors().get(built.interceptors().size() - 1)
            instanceof RedactingLoggingInterceptor);
    assertEquals(30_000, built.callTimeoutMillis());
    HttpStack.release(built, options);
  }

  @Test
  void plainHttpEndpointsWithStaticCredentialsSetNoTlsUp() {
    ClientOptions options =
        TestStack.options(
            StaticCredentials.bearer("token-1"), RetryPolicy.none(), Duration.ofSeconds(1), false);
    OkHttpClient built =
        HttpStack.build(
            Vendor.KAFKA_CONNECT,
            options,
            List.of(HttpUrl.get("http://127.0.0.1:8083/"), HttpUrl.get("http://localhost:8084/")));
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), built.connectionSpecs());
    assertThrows(IllegalStateException.class, built::sslSocketFactory);
    assertFalse(built.followSslRedirects());
    HttpStack.release(built, options);
  }

  @Test
  void anHttpsEndpointOrTokenFetchingCredentialsOrUnknownEndpointsKeepTls() {
    ClientOptions fixed =
        TestStack.options(
            StaticCredentials.bearer("token-1"), RetryPolicy.none(), Duration.ofSeconds(1), false);
    HttpUrl plain = HttpUrl.get("http://127.0.0.1:8083/");
    HttpUrl secure = HttpUrl.get("https://api.example.com/");
    OkHttpClient mixed = HttpStack.build(Vendor.YANDEX, fixed, List.of(plain, secure));
    assertNotNull(mixed.sslSocketFactory());
    OkHttpClient unknown = HttpStack.build(Vendor.YANDEX, fixed);
    assertNotNull(unknown.sslSocketFactory());
    Credentials fetching =
        new Credentials() {
          @Override
          public String authorizationHeader() {
            return "Bearer fetched";
          }

          @Override
          public boolean canRefresh() {
            return true;
          }
        };
    ClientOptions refreshing =
        TestStack.options(fetching, RetryPolicy.none(), Duration.ofSeconds(1), false);
    OkHttpClient tokens = HttpStack.build(Vendor.REDPANDA, refreshing, List.of(plain));
    assertNotNull(tokens.sslSocketFactory());
    assertTrue(tokens.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls));
    HttpStack.release(mixed, fixed);
    HttpStack.release(unknown, fixed);
    HttpStack.release(tokens, refreshing);
  }
}
