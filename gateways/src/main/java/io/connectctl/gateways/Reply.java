package io.connectctl.gateways;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a gateway: a status, headers and an optional JSON body ({@code null} means no body
 * at all).
 *
 * @param status the HTTP status
 * @param headers extra headers
 * @param body the JSON body as maps and lists, or null for none
 */
record Reply(int status, Map<String, String> headers, Object body) {
  static Reply json(int status, Object body) {
    return new Reply(status, Map.of(), body);
  }

  static Reply empty(int status) {
    return new Reply(status, Map.of(), null);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body);
  }

  /** Ends a handler with {@code reply}. */
  static final class Failure extends RuntimeException {
    private final transient Reply reply;

    Failure(Reply reply) {
      super("HTTP " + reply.status(), null, false, false);
      this.reply = reply;
    }

    Reply reply() {
      return reply;
    }
  }
}
