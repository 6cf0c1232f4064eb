package io.connectctl.facade;

import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Supplies the {@code Authorization} header value for a vendor. Implementations that obtain tokens
 * cache them, refresh them before they expire, and refresh at once after {@link #invalidate()}
 * (called on a 401). {@link #toString()} never shows a secret.
 */
public interface Credentials {
  /**
   * The header value, e.g. {@code Bearer …} or {@code Basic …}.
   *
   * @throws io.connectctl.facade.errors.UnauthorizedException when a token cannot be obtained
   */
  String authorizationHeader();

  /** Forgets a cached token so the next call obtains a new one. Static credentials ignore it. */
  default void invalidate() {}

  /**
   * Whether {@link #invalidate()} can lead to a different header (true for credentials that fetch
   * tokens); a request refused with 401 is tried again with fresh credentials only then.
   * Credentials that fetch tokens must answer true: the vendor clients set TLS up for them even
   * when every API URL is plain http, since a token endpoint may be https.
   */
  default boolean canRefresh() {
    return false;
  }

  /**
   * The secret strings this provider knows (API secrets, OAuth tokens, every token it fetched), so
   * logging and error messages can hide them wherever they appear.
   */
  default Set<String> secrets() {
    return Set.of();
  }

  /**
   * Gives credentials that fetch tokens the client to make those calls with (its connection pool,
   * proxy and TLS settings); the vendor clients pass one derived from their own. Credentials that
   * fetch nothing ignore it.
   */
  default void useHttpClient(OkHttpClient client) {}
}
