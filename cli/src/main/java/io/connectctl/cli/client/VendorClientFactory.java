package io.connectctl.cli.client;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Credentials;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The real factory: each vendor's client is built as its {@link
 * io.connectctl.cli.vendors.VendorDescription} says. A target's empty fields are left to the
 * builders' defaults.
 */
public final class VendorClientFactory implements ConnectorClientFactory {
  private final Optional<OkHttpClient> base;
  private OkHttpClient shared;

  /**
   * Each client manages its own HTTP resources, unless request logging or observers need a shared
   * client.
   */
  public VendorClientFactory() {
    this.base = Optional.empty();
  }

  /**
   * Every client derives from {@code base} (its interceptors run first; the demo and tests use this
   * to pick Prism examples).
   */
  public VendorClientFactory(OkHttpClient base) {
    this.base = Optional.of(base);
  }

  @Override
  public ConnectorClient create(Target target, Credentials credentials, ClientSettings settings) {
    return VendorDescriptions.of(target.vendor())
        .client(target, credentials, httpClient(settings), settings.environment());
  }

  private synchronized Optional<OkHttpClient> httpClient(ClientSettings settings) {
    if (!settings.logRequests() && settings.observers().isEmpty()) {
      return base;
    }
    if (shared == null) {
      shared = base.orElseGet(OkHttpClient::new);
    }
    OkHttpClient.Builder builder = shared.newBuilder();
    settings.observers().forEach(builder::addInterceptor);
    if (settings.logRequests()) {
      builder.addInterceptor(new RequestLog(settings.log()));
    }
    return Optional.of(builder.build());
  }
}
