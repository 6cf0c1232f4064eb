package io.connectctl.facade.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A fetched bearer token and the moment it stops being valid.
 *
 * @param value the token
 * @param expiresAt when the server says it expires
 */
record AccessToken(String value, Instant expiresAt) {
  AccessToken {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt=" + expiresAt + "]";
  }
}
