package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;

/**
 * Confluent's error bodies. The usual one is {@code {error: {code, message}}} with every 5xx
 * answered as a 500; creating a connector answers some errors in the flat {@code {code, message}}
 * shape or passes the worker's own {@code {error_code, message}} through, as Confluent does.
 */
final class ConfluentErrors {
  private ConfluentErrors() {}

  /** The gateway's {@link ErrorBody}: each problem as its HTTP status. */
  static final ErrorBody BODY = (problem, message) -> reply(problem.httpStatus(), message);

  /** Ends a handler with the usual error body. */
  static Reply.Failure fail(int status, String message) {
    return new Reply.Failure(reply(status, message));
  }

  /** Ends a handler with the worker's refusal in the usual error body, unless it succeeded. */
  static Answer relay(Answer a) {
    if (!a.ok()) {
      throw fail(a.status(), a.message());
    }
    return a;
  }

  /** Confluent's usual error body {@code {error: {code, message}}}; every 5xx becomes a 500. */
  static Reply reply(int status, String message) {
    if (status >= 500) {
      return Reply.json(500, Json.map("error", Json.map("code", 500L, "message", message)));
    }
    int http =
        switch (status) {
          case 400, 401, 403, 404, 409, 429 -> status;
          default -> 400;
        };
    return Reply.json(http, Json.map("error", Json.map("code", (long) http, "message", message)));
  }

  /** The flat {@code {code: 400, message}} body of a create request Confluent refuses. */
  static Reply flat400(String message) {
    return Reply.json(400, Json.map("code", 400L, "message", message));
  }

  /** The worker's own {@code {error_code, message}} body, passed through with {@code http}. */
  static Reply passedThrough(int http, int workerStatus, String message) {
    return Reply.json(http, Json.map("error_code", (long) workerStatus, "message", message));
  }
}
