package io.connectctl.facade.auth;

import io.connectctl.facade.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Credentials that never change: a ready bearer token, an API key and secret (or user and password)
 * sent with HTTP Basic, or none at all.
 */
public final class StaticCredentials implements Credentials {
  private final String header;
  private final Set<String> secrets;
  private final String description;

  private StaticCredentials(String header, Set<String> secrets, String description) {
    this.header = header;
    this.secrets = secrets;
    this.description = description;
  }

  /** A ready bearer token (Redpanda access token, Yandex IAM token). */
  public static StaticCredentials bearer(String token) {
    requireText(token, "token");
    return new StaticCredentials("Bearer " + token, Set.of(token), "bearer token");
  }

  /**
   * No credentials at all: no {@code Authorization} header is sent (a Kafka Connect worker without
   * security).
   */
  public static StaticCredentials none() {
    return new StaticCredentials("", Set.of(), "none");
  }

  /**
   * HTTP Basic with a user name and password (a Kafka Connect worker with a Basic-auth REST
   * extension).
   */
  public static StaticCredentials basicUser(String user, String password) {
    requireText(user, "user name");
    requireText(password, "password");
    String encoded =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new StaticCredentials("Basic " + encoded, Set.of(password, encoded), "user " + user);
  }

  /** HTTP Basic with an API key and secret (Confluent Cloud). */
  public static StaticCredentials basic(String key, String secret) {
    requireText(key, "API key");
    requireText(secret, "API secret");
    String encoded =
        Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return new StaticCredentials("Basic " + encoded, Set.of(secret, encoded), "API key " + key);
  }

  /**
   * Whether these are HTTP Basic credentials (an API key and secret) rather than a bearer token.
   */
  public boolean isBasic() {
    return header.startsWith("Basic ");
  }

  private static void requireText(String value, String what) {
    if (Objects.requireNonNull(value, what).isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  @Override
  public String authorizationHeader() {
    return header;
  }

  @Override
  public Set<String> secrets() {
    return secrets;
  }

  @Override
  public String toString() {
    return "StaticCredentials[" + description + "]";
  }
}
