package io.connectctl.gateways;

import io.connectctl.gateways.GatewayServer.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Yandex's paging parameters: {@code pageSize} (0 or missing: 100) and {@code pageToken}, an opaque
 * URL-safe Base64 text. Connectors are paged by name ({@code name:NAME}), operations by position.
 */
final class YandexPaging {
  private YandexPaging() {}

  /** The page size the request asks for. */
  static int pageSize(Request r) {
    String text = r.queryParam("pageSize");
    if (text == null || text.isEmpty()) {
      return 100;
    }
    try {
      int size = Integer.parseInt(text);
      if (size < 0 || size > 1000) {
        throw YandexErrors.fail(3, "pageSize must be between 0 and 1000");
      }
      return size == 0 ? 100 : size;
    } catch (NumberFormatException e) {
      throw YandexErrors.fail(3, "pageSize '" + text + "' is not a number");
    }
  }

  /** The first connector name of the page the request asks for ("" for the first page). */
  static String nameStart(Request r) {
    String token = r.queryParam("pageToken");
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      String decoded = decode(token);
      if (!decoded.startsWith("name:")) {
        throw new IllegalArgumentException(decoded);
      }
      return decoded.substring(5);
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  /** The token of the page that starts at connector {@code name}. */
  static String nameToken(String name) {
    return encode("name:" + name);
  }

  /** The position of the first item of the page the request asks for (0 for the first page). */
  static int positionStart(Request r) {
    String token = r.queryParam("pageToken");
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(decode(token));
    } catch (IllegalArgumentException e) {
      throw invalid(token);
    }
  }

  /** The token of the page that starts at {@code position}. */
  static String positionToken(int position) {
    return encode(Integer.toString(position));
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
  }

  private static Reply.Failure invalid(String token) {
    return YandexErrors.fail(3, "pageToken '" + token + "' is not valid");
  }
}
