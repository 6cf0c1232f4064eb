package io.connectctl.facade.redpanda;

import static io.connectctl.facade.internal.EnvironmentVariables.missing;
import static io.connectctl.facade.internal.EnvironmentVariables.pair;
import static io.connectctl.facade.internal.EnvironmentVariables.present;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.auth.OAuth2ClientCredentials;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.internal.WorkerRefusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Redpanda's rules ({@code Vendor.REDPANDA.rules()}): any name Kafka Connect takes; a 409 from the
 * Kafka Connect cluster behind the Data Plane API saying a rebalance is under way is retried; tasks
 * are reported; credentials are {@code REDPANDA_TOKEN} (a ready access token), else {@code
 * REDPANDA_CLIENT_ID} + {@code REDPANDA_CLIENT_SECRET} (OAuth2 client credentials, with the
 * audience {@code REDPANDA_AUDIENCE} or, if unset, {@link
 * OAuth2ClientCredentials#REDPANDA_AUDIENCE}).
 */
public final class RedpandaRules implements VendorRules {
  /** The rules, as {@link Vendor#rules()} returns them for {@link Vendor#REDPANDA}. */
  public static final RedpandaRules INSTANCE = new RedpandaRules();

  private static final String TOKEN = "REDPANDA_TOKEN";
  private static final String CLIENT_ID = "REDPANDA_CLIENT_ID";
  private static final String CLIENT_SECRET = "REDPANDA_CLIENT_SECRET";
  private static final String AUDIENCE = "REDPANDA_AUDIENCE";

  private RedpandaRules() {}

  @Override
  public Optional<String> retryReason(int status, Supplier<String> body) {
    return status == 409 && WorkerRefusals.isRebalance(body.get())
        ? Optional.of("Kafka Connect rebalance in progress")
        : Optional.empty();
  }

  /** {@code /v1/kafka-connect}: the Data Plane API's Kafka Connect paths all start there. */
  @Override
  public Optional<String> apiPathPrefix() {
    return Optional.of("/v1/kafka-connect");
  }

  @Override
  public List<String> credentialVariables() {
    return List.of(TOKEN, CLIENT_ID, CLIENT_SECRET, AUDIENCE);
  }

  @Override
  public Credentials credentialsFrom(Map<String, String> env, String tokenUrl) {
    String token = env.get(TOKEN);
    if (present(token)) {
      return StaticCredentials.bearer(token);
    }
    if (pair(Vendor.REDPANDA, env, CLIENT_ID, CLIENT_SECRET)) {
      String audience = env.get(AUDIENCE);
      return OAuth2ClientCredentials.builder()
          .clientId(env.get(CLIENT_ID).trim())
          .clientSecret(env.get(CLIENT_SECRET).trim())
          .tokenUrl(tokenUrl)
          .audience(audience == null ? OAuth2ClientCredentials.REDPANDA_AUDIENCE : audience.trim())
          .build();
    }
    throw missing(Vendor.REDPANDA, TOKEN + ", or " + CLIENT_ID + " and " + CLIENT_SECRET);
  }
}
