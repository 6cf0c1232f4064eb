package io.connectctl.facade.yandex;

import java.util.List;

/**
 * The names of gRPC status codes, which Yandex sends as numbers in errors and failed operations.
 */
final class GrpcCodes {
  private static final List<String> NAMES =
      List.of(
          "OK",
          "CANCELLED",
          "UNKNOWN",
          "INVALID_ARGUMENT",
          "DEADLINE_EXCEEDED",
          "NOT_FOUND",
          "ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "RESOURCE_EXHAUSTED",
          "FAILED_PRECONDITION",
          "ABORTED",
          "OUT_OF_RANGE",
          "UNIMPLEMENTED",
          "INTERNAL",
          "UNAVAILABLE",
          "DATA_LOSS",
          "UNAUTHENTICATED");

  private GrpcCodes() {}

  /** Whether {@code code} is a known gRPC status code (0..16). */
  static boolean known(int code) {
    return code >= 0 && code < NAMES.size();
  }

  /**
   * The name of {@code code}, e.g. {@code NOT_FOUND} for 5; {@code UNKNOWN_CODE} for values outside
   * 0..16.
   */
  static String name(Integer code) {
    return code != null && code >= 0 && code < NAMES.size() ? NAMES.get(code) : "UNKNOWN_CODE";
  }
}
