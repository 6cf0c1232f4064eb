package io.connectctl.facade.confluent;

import static io.connectctl.facade.internal.EnvironmentVariables.missing;
import static io.connectctl.facade.internal.EnvironmentVariables.pair;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.auth.StaticCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confluent's rules ({@code Vendor.CONFLUENT.rules()}): any name; no vendor-specific retries; tasks
 * are reported; credentials are {@code CONFLUENT_CLOUD_API_KEY} + {@code
 * CONFLUENT_CLOUD_API_SECRET} (HTTP Basic).
 */
public final class ConfluentRules implements VendorRules {
  /** The rules, as {@link Vendor#rules()} returns them for {@link Vendor#CONFLUENT}. */
  public static final ConfluentRules INSTANCE = new ConfluentRules();

  private static final String API_KEY = "CONFLUENT_CLOUD_API_KEY";
  private static final String API_SECRET = "CONFLUENT_CLOUD_API_SECRET";

  private ConfluentRules() {}

  /** {@code /connect/v1}: every path of Connect v1 starts with /connect/v1. */
  @Override
  public Optional<String> apiPathPrefix() {
    return Optional.of("/connect/v1");
  }

  @Override
  public List<String> credentialVariables() {
    return List.of(API_KEY, API_SECRET);
  }

  @Override
  public Credentials credentialsFrom(Map<String, String> env, String tokenUrl) {
    if (pair(Vendor.CONFLUENT, env, API_KEY, API_SECRET)) {
      return StaticCredentials.basic(env.get(API_KEY).trim(), env.get(API_SECRET).trim());
    }
    throw missing(Vendor.CONFLUENT, API_KEY + " and " + API_SECRET);
  }
}
