package io.connectctl.facade.auth;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.internal.HttpStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Yandex Cloud IAM tokens, from one of three sources:
 *
 * <ul>
 *   <li>a ready IAM token ({@link #iamToken}), used as is;
 *   <li>an OAuth token ({@link #oauthToken}), exchanged at the IAM URL with {@code POST
 *       {"yandexPassportOauthToken": …}};
 *   <li>a service-account authorized key ({@link #serviceAccountKey}, {@link
 *       #serviceAccountKeyFile}): a PS256 JWT signed with the key ({@link YandexJwt}) is exchanged
 *       with {@code POST {"jwt": …}}.
 * </ul>
 *
 * The IAM answers {@code {"iamToken": …, "expiresAt": RFC 3339}}. Exchanged tokens are cached and
 * fetched again shortly before they expire, at the latest after an hour (as Yandex recommends), and
 * at once after a 401.
 */
public final class YandexIamCredentials extends TokenCredentials {
  /** Yandex Cloud's IAM token endpoint. */
  public static final String DEFAULT_IAM_URL = "https://iam.api.cloud.yandex.net/iam/v1/tokens";

  private static final Duration REFRESH_AT_LEAST_EVERY = Duration.ofHours(1);

  private final TokenEndpoint endpoint;
  private final String oauthToken;
  private final ServiceAccountKey key;

  private YandexIamCredentials(
      String iamUrl, String oauthToken, ServiceAccountKey key, Clock clock) {
    super(Vendor.YANDEX, clock);
    HttpUrl url = HttpStack.baseUrl(Vendor.YANDEX, iamUrl, "iamUrl", false);
    this.endpoint = new TokenEndpoint(Vendor.YANDEX, url, "an IAM token");
    this.oauthToken = oauthToken;
    this.key = key;
  }

  /** A ready IAM token, sent as is (it cannot be refreshed). */
  public static Credentials iamToken(String iamToken) {
    return StaticCredentials.bearer(iamToken);
  }

  /**
   * An OAuth token exchanged for IAM tokens.
   *
   * @param iamUrl the IAM token endpoint, usually {@link #DEFAULT_IAM_URL}
   */
  public static YandexIamCredentials oauthToken(String oauthToken, String iamUrl) {
    return oauthToken(oauthToken, iamUrl, Clock.systemUTC());
  }

  static YandexIamCredentials oauthToken(String oauthToken, String iamUrl, Clock clock) {
    if (oauthToken == null || oauthToken.isBlank()) {
      throw new IllegalArgumentException("the OAuth token must not be empty");
    }
    return new YandexIamCredentials(iamUrl, oauthToken, null, clock);
  }

  /**
   * A service-account key whose signed JWTs are exchanged for IAM tokens.
   *
   * @param iamUrl the IAM token endpoint (also the JWT's audience), usually {@link
   *     #DEFAULT_IAM_URL}
   */
  public static YandexIamCredentials serviceAccountKey(ServiceAccountKey key, String iamUrl) {
    return serviceAccountKey(key, iamUrl, Clock.systemUTC());
  }

  static YandexIamCredentials serviceAccountKey(ServiceAccountKey key, String iamUrl, Clock clock) {
    return new YandexIamCredentials(iamUrl, null, Objects.requireNonNull(key, "key"), clock);
  }

  /**
   * As {@link #serviceAccountKey}, reading the key file ({@code yc iam key create --output
   * key.json}).
   *
   * @throws UnauthorizedException naming the file when it is missing, unreadable or not a key
   */
  public static YandexIamCredentials serviceAccountKeyFile(Path keyFile, String iamUrl) {
    try {
      return serviceAccountKey(ServiceAccountKey.read(keyFile), iamUrl);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException(
          "yandex: " + e.getMessage(), ErrorContext.of(Vendor.YANDEX), null);
    }
  }

  @Override
  AccessToken fetch(OkHttpClient client, Instant now) {
    Map<String, ?> request =
        key == null
            ? Map.of("yandexPassportOauthToken", oauthToken)
            : Map.of("jwt", YandexJwt.sign(key, endpoint.url().toString(), now));
    Map<String, Object> json = endpoint.post(client, TokenEndpoint.json(request), secrets());
    String token = endpoint.requireText(json, "iamToken", 200);
    return new AccessToken(token, expiresAt(json.get("expiresAt"), now));
  }

  private Instant expiresAt(Object value, Instant now) {
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw endpoint.failure("\"expiresAt\" is not an RFC 3339 time", 200, null);
      }
    }
    return now.plus(REFRESH_AT_LEAST_EVERY);
  }

  @Override
  Duration maxLifetime() {
    return REFRESH_AT_LEAST_EVERY;
  }

  @Override
  Set<String> configuredSecrets() {
    return oauthToken == null ? Set.of() : Set.of(oauthToken);
  }

  /** The source and the IAM URL; never a token or the key. */
  @Override
  public String toString() {
    String source =
        key == null
            ? "OAuth token"
            : "service account " + key.serviceAccountId() + " key " + key.keyId();
    return "YandexIamCredentials[" + source + ", iamUrl=" + endpoint.url() + "]";
  }
}
