package io.connectctl.facade.auth;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.errors.UnauthorizedException;
import java.util.Map;

/**
 * Credentials from environment variables, one method per vendor. Each asks the vendor's {@link
 * VendorRules#credentialsFrom}, where the variables and the order they are tried in are defined
 * (see {@link io.connectctl.facade.redpanda.RedpandaRules}, {@link
 * io.connectctl.facade.confluent.ConfluentRules}, {@link io.connectctl.facade.yandex.YandexRules}
 * and {@link io.connectctl.facade.kafkaconnect.KafkaConnectRules}): the first complete choice wins.
 *
 * <p>When nothing usable is set the {@link UnauthorizedException} names the variables to set; when
 * only half of a pair is set it names the missing half; a key file that is missing or unreadable is
 * named with its variable. Values never appear in messages.
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
    return Vendor.REDPANDA.rules().credentialsFrom(env, tokenUrl);
  }

  /**
   * Confluent credentials from {@code env}.
   *
   * @throws UnauthorizedException naming the variables to set when none are
   */
  public static Credentials confluent(Map<String, String> env) {
    return Vendor.CONFLUENT.rules().credentialsFrom(env, null);
  }

  /**
   * Yandex credentials from {@code env}.
   *
   * @param iamUrl the IAM token endpoint used to exchange an OAuth token or a service-account key
   * @throws UnauthorizedException naming the variables to set when none are, or naming {@code
   *     YC_SERVICE_ACCOUNT_KEY_FILE} and its path when the file is missing, unreadable or not a key
   */
  public static Credentials yandex(Map<String, String> env, String iamUrl) {
    return Vendor.YANDEX.rules().credentialsFrom(env, iamUrl);
  }

  /**
   * Kafka Connect credentials from {@code env}: {@code KAFKA_CONNECT_TOKEN} (a bearer token), else
   * {@code KAFKA_CONNECT_USERNAME} + {@code KAFKA_CONNECT_PASSWORD} (HTTP Basic), else none: a
   * worker without security needs no credentials.
   *
   * @throws UnauthorizedException when only half of the user and password pair is set
   */
  public static Credentials kafkaConnect(Map<String, String> env) {
    return Vendor.KAFKA_CONNECT.rules().credentialsFrom(env, null);
  }
}
