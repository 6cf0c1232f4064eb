package io.connectctl.facade.internal;

import io.connectctl.facade.Redaction;
import java.util.Locale;
import java.util.Set;

/**
 * Which JSON keys, form fields, query parameters and headers carry secrets. Builds on {@link
 * Redaction#isSecretKey(String)} and adds the names used by the token endpoints and HTTP itself.
 */
final class SecretKeys {
  /**
   * Field names that hold credentials but do not look secret to {@link
   * Redaction#isSecretKey(String)}.
   */
  private static final Set<String> EXTRA_FIELDS =
      Set.of("jwt", "assertion", "client_assertion", "iamtoken");

  /**
   * Field names that look secret but are not (paging cursors, token metadata), compared without
   * '_', '-', '.'.
   */
  private static final Set<String> PUBLIC_FIELDS =
      Set.of("pagetoken", "nextpagetoken", "tokentype");

  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-auth-token",
          "x-amz-security-token");

  /** Header names that look secret to {@link Redaction#isSecretKey(String)} but are not. */
  private static final Set<String> PUBLIC_HEADERS = Set.of("idempotency-key");

  private SecretKeys() {}

  /** Whether a JSON key, form field or query parameter named {@code name} holds a secret. */
  static boolean isSecretField(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PUBLIC_FIELDS.contains(lower.replaceAll("[._-]", ""))) {
      return false;
    }
    return Redaction.isSecretKey(name) || EXTRA_FIELDS.contains(lower);
  }

  /** Whether the value of the header {@code name} must never be shown. */
  static boolean isSecretHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PUBLIC_HEADERS.contains(lower)) {
      return false;
    }
    return SECRET_HEADERS.contains(lower) || lower.contains("auth") || isSecretField(lower);
  }
}
