package io.connectctl.facade.auth;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.UnauthorizedException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Credentials from environment variables. For each vendor the first complete choice wins:
 *
 * <ul>
 *   <li>Redpanda: {@code REDPANDA_TOKEN} (a ready access token), else {@code REDPANDA_CLIENT_ID} +
 *       {@code REDPANDA_CLIENT_SECRET} (OAuth2 client credentials at the token URL, with the
 *       audience {@code REDPANDA_AUDIENCE} or, if unset, {@link
 *       OAuth2ClientCredentials#REDPANDA_AUDIENCE});
 *   <li>Confluent: {@code CONFLUENT_CLOUD_API_KEY} + {@code CONFLUENT_CLOUD_API_SECRET} (HTTP
 *       Basic);
 *   <li>Yandex: {@code YC_IAM_TOKEN} (a ready IAM token), else {@code YC_TOKEN} (an OAuth token
 *       exchanged at the IAM URL), else {@code YC_SERVICE_ACCOUNT_KEY_FILE} (a service-account
 *       authorized key file);
 *   <li>Kafka Connect: {@code KAFKA_CONNECT_TOKEN} (bearer), else {@code KAFKA_CONNECT_USERNAME} +
 *       {@code KAFKA_CONNECT_PASSWORD} (HTTP Basic), else no credentials.
 * </ul>
 *
 * When nothing usable is set the {@link UnauthorizedException} names the variables to set; when
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
    String token = env.get("REDPANDA_TOKEN");
    if (present(token)) {
      return StaticCredentials.bearer(token);
    }
    if (pair(Vendor.REDPANDA, env, "REDPANDA_CLIENT_ID", "REDPANDA_CLIENT_SECRET")) {
      String audience = env.get("REDPANDA_AUDIENCE");
      return OAuth2ClientCredentials.builder()
          .clientId(env.get("REDPANDA_CLIENT_ID").trim())
          .clientSecret(env.get("REDPANDA_CLIENT_SECRET").trim())
          .tokenUrl(tokenUrl)
          .audience(audience == null ? OAuth2ClientCredentials.REDPANDA_AUDIENCE : audience.trim())
          .build();
    }
    throw missing(
        Vendor.REDPANDA, "REDPANDA_TOKEN, or REDPANDA_CLIENT_ID and REDPANDA_CLIENT_SECRET");
  }

  /**
   * Confluent credentials from {@code env}.
   *
   * @throws UnauthorizedException naming the variables to set when none are
   */
  public static Credentials confluent(Map<String, String> env) {
    if (pair(Vendor.CONFLUENT, env, "CONFLUENT_CLOUD_API_KEY", "CONFLUENT_CLOUD_API_SECRET")) {
      return StaticCredentials.basic(
          env.get("CONFLUENT_CLOUD_API_KEY").trim(), env.get("CONFLUENT_CLOUD_API_SECRET").trim());
    }
    throw missing(Vendor.CONFLUENT, "CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET");
  }

  /**
   * Yandex credentials from {@code env}.
   *
   * @param iamUrl the IAM token endpoint used to exchange an OAuth token or a service-account key
   * @throws UnauthorizedException naming the variables to set when none are, or naming {@code
   *     YC_SERVICE_ACCOUNT_KEY_FILE} and its path when the file is missing, unreadable or not a key
   */
  public static Credentials yandex(Map<String, String> env, String iamUrl) {
    String iamToken = env.get("YC_IAM_TOKEN");
    if (present(iamToken)) {
      return YandexIamCredentials.iamToken(iamToken.trim());
    }
    String oauthToken = env.get("YC_TOKEN");
    if (present(oauthToken)) {
      return YandexIamCredentials.oauthToken(oauthToken.trim(), iamUrl);
    }
    String keyFile = env.get("YC_SERVICE_ACCOUNT_KEY_FILE");
    if (present(keyFile)) {
      return YandexIamCredentials.serviceAccountKey(readKey(keyFile.trim()), iamUrl);
    }
    throw missing(Vendor.YANDEX, "YC_IAM_TOKEN, YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE");
  }

  /**
   * Kafka Connect credentials from {@code env}: {@code KAFKA_CONNECT_TOKEN} (a bearer token), else
   * {@code KAFKA_CONNECT_USERNAME} + {@code KAFKA_CONNECT_PASSWORD} (HTTP Basic), else none: a
   * worker without security needs no credentials.
   *
   * @throws UnauthorizedException when only half of the user and password pair is set
   */
  public static Credentials kafkaConnect(Map<String, String> env) {
    String token = env.get("KAFKA_CONNECT_TOKEN");
    if (present(token)) {
      return StaticCredentials.bearer(token.trim());
    }
    if (pair(Vendor.KAFKA_CONNECT, env, "KAFKA_CONNECT_USERNAME", "KAFKA_CONNECT_PASSWORD")) {
      return StaticCredentials.basicUser(
          env.get("KAFKA_CONNECT_USERNAME").trim(), env.get("KAFKA_CONNECT_PASSWORD"));
    }
    return StaticCredentials.none();
  }

  private static ServiceAccountKey readKey(String keyFile) {
    try {
      return ServiceAccountKey.read(Path.of(keyFile));
    } catch (InvalidPathException e) {
      throw invalid("YC_SERVICE_ACCOUNT_KEY_FILE=" + keyFile + " is not a valid path");
    } catch (IllegalArgumentException e) {
      throw invalid("YC_SERVICE_ACCOUNT_KEY_FILE: " + e.getMessage());
    }
  }

  /** Whether both variables are set; fails naming the missing one when only one is. */
  private static boolean pair(Vendor vendor, Map<String, String> env, String first, String second) {
    boolean hasFirst = present(env.get(first));
    boolean hasSecond = present(env.get(second));
    if (hasFirst != hasSecond) {
      String set = hasFirst ? first : second;
      String unset = hasFirst ? second : first;
      throw new UnauthorizedException(
          "Incomplete " + vendor + " credentials: " + set + " is set but " + unset + " is not",
          ErrorContext.of(vendor),
          null);
    }
    return hasFirst;
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  static UnauthorizedException missing(Vendor vendor, String variables) {
    return new UnauthorizedException(
        "No " + vendor + " credentials: set " + variables, ErrorContext.of(vendor), null);
  }

  private static UnauthorizedException invalid(String message) {
    return new UnauthorizedException(
        "Unusable yandex credentials: " + message, ErrorContext.of(Vendor.YANDEX), null);
  }
}
