package io.connectctl.facade.internal;

import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.testing.FakeTime;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** Builds the real stack against a MockWebServer, with fake retry time. */
final class TestStack {
  /** Four attempts, 100 ms doubling to 2 s, 30 s budget, no jitter (so the waits are exact). */
  static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), 0);

  final FakeTime time = new FakeTime();
  final OkHttpClient client;
  final TestApi api;

  TestStack(MockWebServer server, Vendor vendor, ClientOptions options) {
    client = HttpStack.build(vendor, options, java.util.List.of(), time, time);
    api = GeneratedClients.retrofit(server.url("/v1/"), client).create(TestApi.class);
  }

  TestStack(MockWebServer server, Vendor vendor, RetryPolicy policy) {
    this(
        server,
        vendor,
        options(StaticCredentials.bearer("test-token"), policy, Duration.ofSeconds(5), false));
  }

  static ClientOptions options(
      Credentials credentials, RetryPolicy policy, Duration readTimeout, boolean logging) {
    return new ClientOptions(
        credentials,
        Duration.ofSeconds(5),
        readTimeout,
        Duration.ofSeconds(30),
        policy,
        PollingPolicy.defaults(),
        Optional.empty(),
        logging,
        false);
  }
}
