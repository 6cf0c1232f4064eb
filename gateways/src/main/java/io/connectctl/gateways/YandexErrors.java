package io.connectctl.gateways;

import java.util.List;
import java.util.Map;

/**
 * Yandex's error body {@code {code, message, details}}, where {@code code} is a gRPC code, answered
 * with the HTTP status of that code. Operations that end in an error carry the same body.
 */
final class YandexErrors {
  private YandexErrors() {}

  /** The gateway's {@link ErrorBody}: each problem as its gRPC code. */
  static final ErrorBody BODY = (problem, message) -> reply(problem.grpcCode(), message);

  /** The error body for gRPC {@code code}. */
  static Map<String, Object> body(int code, String message) {
    return Json.map("code", (long) code, "message", message, "details", List.of());
  }

  /** Ends a handler with the error for gRPC {@code code}. */
  static Reply.Failure fail(int code, String message) {
    return new Reply.Failure(reply(code, message));
  }

  /** Yandex's error body, with the HTTP status of its gRPC code. */
  static Reply reply(int code, String message) {
    int http =
        switch (code) {
          case 3, 9 -> 400;
          case 5 -> 404;
          case 6, 10 -> 409;
          case 7 -> 403;
          case 8 -> 429;
          case 14 -> 503;
          case 16 -> 401;
          default -> 500;
        };
    return Reply.json(http, body(code, message));
  }
}
