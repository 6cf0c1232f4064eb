package io.connectctl.facade.internal;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Redaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The strings that must never be shown for one request: the credentials' secrets (read when needed,
 * so tokens fetched later count too) and the secret values found in the request body (e.g. {@code
 * connection.password} in a connector config). {@link SecretsTagInterceptor} attaches it to each
 * request as a tag; logging, retry messages and error messages read it from there.
 */
final class KnownSecrets {
  private static final KnownSecrets NONE = new KnownSecrets(null, null);
  private static final long MAX_BODY_SCAN = 1024 * 1024;
  private static final int MIN_LENGTH = 4;

  private final Credentials credentials;
  private final RequestBody body;

  /**
   * The body's secret values, scanned only when something needs redacting (most calls never do).
   */
  private volatile List<String> bodySecrets;

  private KnownSecrets(Credentials credentials, RequestBody body) {
    this.credentials = credentials;
    this.body = body;
  }

  /** The secrets of {@code request} and {@code credentials}. */
  static KnownSecrets of(Credentials credentials, Request request) {
    return new KnownSecrets(credentials, request.body());
  }

  /** The secrets attached to {@code request}, or none if it carries no tag. */
  static KnownSecrets of(Request request) {
    KnownSecrets tagged = request == null ? null : request.tag(KnownSecrets.class);
    return tagged == null ? NONE : tagged;
  }

  /**
   * Every known secret worth hiding (at least {@code MIN_LENGTH} characters, not a mask); the order
   * in which they are replaced (longest first) is {@link Redaction#redactSecrets}'s alone.
   */
  List<String> all() {
    List<String> scanned = bodySecrets;
    if (scanned == null) {
      scanned = List.copyOf(bodySecrets(body));
      bodySecrets = scanned;
    }
    Set<String> all = new LinkedHashSet<>(scanned);
    if (credentials != null) {
      all.addAll(credentials.secrets());
    }
    List<String> worth = new ArrayList<>();
    for (String s : all) {
      if (s != null && s.length() >= MIN_LENGTH && !s.chars().allMatch(c -> c == '*')) {
        worth.add(s);
      }
    }
    return worth;
  }

  /** {@code text} with every known secret replaced by {@link Redaction#REDACTED}. */
  String redact(String text) {
    return text == null ? "" : Redaction.redactSecrets(text, all());
  }

  /**
   * {@code found} plus what Base64-encoded secrets hold (a connector secret's {@code secret_data}
   * is the Base64 of a JSON object of plain values, and a server may echo those plain values back).
   */
  private static List<String> withDecoded(List<String> found) {
    List<String> out = new ArrayList<>(found);
    for (String value : found) {
      byte[] decoded;
      try {
        decoded = java.util.Base64.getDecoder().decode(value.trim());
      } catch (IllegalArgumentException notBase64) {
        continue;
      }
      String text = new String(decoded, java.nio.charset.StandardCharsets.UTF_8);
      out.add(text);
      if (text.trim().startsWith("{")) {
        out.addAll(JsonRedaction.stringValues(text));
      }
    }
    return out;
  }

  private static List<String> bodySecrets(RequestBody body) {
    if (body == null || body.isOneShot() || body.isDuplex()) {
      return List.of();
    }
    if (body instanceof FormBody form) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < form.size(); i++) {
        if (SecretKeys.isSecretField(form.name(i))) {
          out.add(form.value(i));
        }
      }
      return out;
    }
    MediaType type = body.contentType();
    try {
      if (type == null
          || !type.subtype().contains("json")
          || body.contentLength() > MAX_BODY_SCAN) {
        return List.of();
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return withDecoded(JsonRedaction.secretValues(buffer.readUtf8()));
    } catch (IOException e) {
      return List.of();
    }
  }
}
