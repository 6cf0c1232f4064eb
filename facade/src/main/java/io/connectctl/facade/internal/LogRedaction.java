package io.connectctl.facade.internal;

import io.connectctl.facade.Redaction;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Makes URLs, headers and bodies safe to log: secret headers, query parameters and JSON/form values
 * are hidden by name, and then every known secret string is hidden wherever it still appears.
 */
final class LogRedaction {
  private final KnownSecrets secrets;

  LogRedaction(KnownSecrets secrets) {
    this.secrets = secrets;
  }

  /** The URL with user info and secret query parameters hidden. */
  String url(HttpUrl url) {
    HttpUrl.Builder b = url.newBuilder();
    if (!url.password().isEmpty()) {
      b.password(Redaction.REDACTED);
    }
    for (String name : url.queryParameterNames()) {
      if (SecretKeys.isSecretField(name)) {
        b.setQueryParameter(name, Redaction.REDACTED);
      }
    }
    return secrets.redact(b.build().toString());
  }

  /** One {@code name: value} line per header, secret values hidden. */
  String headers(Headers headers) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          SecretKeys.isSecretHeader(name) ? Redaction.REDACTED : secrets.redact(headers.value(i));
      out.append('\n').append("    ").append(name).append(": ").append(value);
    }
    return out.toString();
  }

  /**
   * The body as it may be logged, cut to {@code limit} characters after hiding secrets.
   *
   * @param truncated whether {@code text} is already only the start of a longer body
   */
  String body(String text, MediaType type, int limit, boolean truncated) {
    String safe;
    if (isForm(type)) {
      safe = form(text);
    } else if (looksLikeJson(text, type)) {
      safe = JsonRedaction.redact(text);
    } else {
      safe = text;
    }
    safe = secrets.redact(safe);
    if (safe.length() > limit) {
      return safe.substring(0, limit) + "… (cut at " + limit + " characters)";
    }
    return truncated ? safe + "… (cut)" : safe;
  }

  /** Free text (an exception message) with known secrets hidden. */
  String text(String text) {
    return secrets.redact(text);
  }

  private static boolean isForm(MediaType type) {
    return type != null && type.subtype().equalsIgnoreCase("x-www-form-urlencoded");
  }

  private static boolean looksLikeJson(String text, MediaType type) {
    if (type != null && type.subtype().toLowerCase(java.util.Locale.ROOT).contains("json")) {
      return true;
    }
    String trimmed = text.stripLeading();
    return trimmed.startsWith("{") || trimmed.startsWith("[");
  }

  private static String form(String text) {
    StringBuilder out = new StringBuilder();
    for (String pair : text.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.append(
          eq >= 0 && SecretKeys.isSecretField(decode(name))
              ? name + "=" + Redaction.REDACTED
              : pair);
    }
    return out.toString();
  }

  private static String decode(String formName) {
    try {
      return java.net.URLDecoder.decode(formName, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return formName;
    }
  }
}
