package io.connectctl.facade.auth;

/**
 * Supplies the {@code Authorization} header value for a vendor. Implementations that obtain tokens cache them,
 * refresh them before they expire, and refresh at once after {@link #invalidate()} (called on a 401).
 * {@link #toString()} never shows a secret.
 */
public interface Credentials {
  /**
   * The header value, e.g. {@code Bearer …} or {@code Basic …}.
   *
   * @throws io.connectctl.facade.UnauthorizedException when a token cannot be obtained
   */
  String authorizationHeader();

  /** Forgets a cached token so the next call obtains a new one. Static credentials ignore it. */
  default void invalidate() {
  }

  /** The secret strings this provider knows (tokens, secrets), so logging can redact them wherever they appear. */
  default java.util.Set<String> secrets() {
    return java.util.Set.of();
  }
}
