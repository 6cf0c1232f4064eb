package io.connectctl.facade.auth;

import io.connectctl.facade.UnauthorizedException;
import io.connectctl.facade.Vendor;
import java.util.Map;

/**
 * Credentials from environment variables: {@code REDPANDA_TOKEN} or {@code REDPANDA_CLIENT_ID} +
 * {@code REDPANDA_CLIENT_SECRET}; {@code CONFLUENT_CLOUD_API_KEY} + {@code CONFLUENT_CLOUD_API_SECRET};
 * {@code YC_IAM_TOKEN}, {@code YC_TOKEN} (OAuth) or {@code YC_SERVICE_ACCOUNT_KEY_FILE}.
 */
public final class EnvironmentCredentials {
  private EnvironmentCredentials() {}

  /**
   * Redpanda credentials from {@code env}.
   *
   * @param tokenUrl the OAuth2 token endpoint used with a client id and secret
   * @throws UnauthorizedException naming the variables to set when none are
   */
  public static Credentials redpanda(Map<String, String> env, String tokenUrl) {
    String token = env.get("REDPANDA_TOKEN");
    if (present(token)) {
      return StaticCredentials.bearer(token);
    }
    throw missing(Vendor.REDPANDA, "REDPANDA_TOKEN, or REDPANDA_CLIENT_ID and REDPANDA_CLIENT_SECRET");
  }

  /** Confluent credentials from {@code env}. */
  public static Credentials confluent(Map<String, String> env) {
    String key = env.get("CONFLUENT_CLOUD_API_KEY");
    String secret = env.get("CONFLUENT_CLOUD_API_SECRET");
    if (present(key) && present(secret)) {
      return StaticCredentials.basic(key, secret);
    }
    throw missing(Vendor.CONFLUENT, "CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET");
  }

  /**
   * Yandex credentials from {@code env}.
   *
   * @param iamUrl the IAM token endpoint used to exchange an OAuth token or a service-account key
   */
  public static Credentials yandex(Map<String, String> env, String iamUrl) {
    String token = env.get("YC_IAM_TOKEN");
    if (present(token)) {
      return StaticCredentials.bearer(token);
    }
    throw missing(Vendor.YANDEX, "YC_IAM_TOKEN, YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE");
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  static UnauthorizedException missing(Vendor vendor, String variables) {
    return new UnauthorizedException("No " + vendor + " credentials: set " + variables, vendor, 0, "", "", "", null);
  }
}
