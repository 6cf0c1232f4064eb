package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Redpanda's error bodies, in the grpc-gateway shape: {@code {code, message, details}} with the
 * gRPC code chosen from the HTTP status and one {@code ErrorInfo} detail carrying a reason.
 */
final class RedpandaErrors {
  static final String INVALID_INPUT = "REASON_INVALID_INPUT";
  static final String NOT_FOUND = "REASON_RESOURCE_NOT_FOUND";
  static final String ALREADY_EXISTS = "REASON_RESOURCE_ALREADY_EXISTS";
  static final String WORKER_ERROR = "REASON_KAFKA_CONNECT_API_ERROR";

  private RedpandaErrors() {}

  /** The gateway's {@link ErrorBody}: each problem as its HTTP status, with its reason. */
  static final ErrorBody BODY =
      (problem, message) ->
          reply(
              problem.httpStatus(),
              message,
              switch (problem) {
                case NOT_FOUND -> NOT_FOUND;
                case BAD_REQUEST -> INVALID_INPUT;
                case INTERNAL -> WORKER_ERROR;
              });

  /** Ends a handler with a failure in the grpc-gateway shape. */
  static Reply.Failure fail(int status, String message, String reason) {
    return new Reply.Failure(reply(status, message, reason));
  }

  /** Ends a handler with the worker's refusal, unless it succeeded. */
  static Answer relay(Answer a) {
    if (!a.ok()) {
      throw fail(a.status(), a.message(), WORKER_ERROR);
    }
    return a;
  }

  /** The error body for {@code status}, the gRPC code chosen from it. */
  static Reply reply(int status, String message, String reason) {
    String code =
        switch (status) {
          case 400 -> "INVALID_ARGUMENT";
          case 401 -> "UNAUTHENTICATED";
          case 403 -> "PERMISSION_DENIED";
          case 404 -> "NOT_FOUND";
          case 409 ->
              message != null && message.toLowerCase(Locale.ROOT).contains("rebalanc")
                  ? "ABORTED"
                  : "ALREADY_EXISTS";
          case 429 -> "RESOURCE_EXHAUSTED";
          case 501 -> "UNIMPLEMENTED";
          case 503 -> "UNAVAILABLE";
          case 504 -> "DEADLINE_EXCEEDED";
          default -> "INTERNAL";
        };
    int http =
        switch (status) {
          case 400, 401, 403, 404, 409, 429, 501, 503, 504 -> status;
          default -> 500;
        };
    return Reply.json(
        http,
        Json.map(
            "code",
            code,
            "message",
            message,
            "details",
            List.of(
                Json.map(
                    "@type",
                    "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason",
                    reason,
                    "domain",
                    "redpanda.com/dataplane",
                    "metadata",
                    Map.of()))));
  }
}
