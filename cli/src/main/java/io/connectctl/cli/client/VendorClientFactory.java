package io.connectctl.cli.client;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ClientBuilder;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.Credentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The real factory: the one place that calls the three vendor client builders. A target's empty fields are left
 * to the builders' defaults.
 */
public final class VendorClientFactory implements ConnectorClientFactory {
  private final Optional<OkHttpClient> base;
  private OkHttpClient shared;

  /** Each client manages its own HTTP resources, unless request logging needs a shared client. */
  public VendorClientFactory() {
    this.base = Optional.empty();
  }

  /**
   * Every client derives from {@code base} (its interceptors run first; the demo and tests use this to pick Prism
   * examples).
   */
  public VendorClientFactory(OkHttpClient base) {
    this.base = Optional.of(base);
  }

  @Override
  public Optional<Capabilities> capabilities(Vendor vendor) {
    return Optional.of(switch (vendor) {
      case REDPANDA -> RedpandaConnectorClient.CAPABILITIES;
      case CONFLUENT -> ConfluentConnectorClient.CAPABILITIES;
      case YANDEX -> YandexConnectorClient.CAPABILITIES;
    });
  }

  @Override
  public ConnectorClient create(Target target, Credentials credentials, ClientSettings settings) {
    Optional<OkHttpClient> http = httpClient(settings);
    return switch (target.vendor()) {
      case REDPANDA -> {
        RedpandaConnectorClient.Builder builder = RedpandaConnectorClient.builder().baseUrl(target.url());
        if (!target.connectCluster().isEmpty()) {
          builder.connectCluster(target.connectCluster());
        }
        if (!target.tokenUrl().isEmpty()) {
          builder.tokenUrl(target.tokenUrl());
        }
        yield common(builder, credentials, http).build();
      }
      case CONFLUENT -> {
        ConfluentConnectorClient.Builder builder = ConfluentConnectorClient.builder()
            .environment(target.environment())
            .kafkaCluster(target.cluster());
        if (!target.url().isEmpty()) {
          builder.baseUrl(target.url());
        }
        yield common(builder, credentials, http).build();
      }
      case YANDEX -> {
        YandexConnectorClient.Builder builder = YandexConnectorClient.builder().clusterId(target.cluster());
        if (!target.url().isEmpty()) {
          builder.baseUrl(target.url());
        }
        if (!target.operationUrl().isEmpty()) {
          builder.operationsUrl(target.operationUrl());
        }
        if (!target.iamUrl().isEmpty()) {
          builder.iamUrl(target.iamUrl());
        }
        yield common(builder, credentials, http).build();
      }
    };
  }

  private static <B extends ClientBuilder<B>> B common(B builder, Credentials credentials, Optional<OkHttpClient> http) {
    builder.credentials(credentials);
    http.ifPresent(builder::okHttpClient);
    return builder;
  }

  private synchronized Optional<OkHttpClient> httpClient(ClientSettings settings) {
    if (!settings.logRequests()) {
      return base;
    }
    if (shared == null) {
      shared = base.orElseGet(OkHttpClient::new);
    }
    return Optional.of(shared.newBuilder().addInterceptor(new RequestLog(settings.log())).build());
  }
}
