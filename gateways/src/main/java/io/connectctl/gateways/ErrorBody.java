package io.connectctl.gateways;

/**
 * How one gateway words the errors its server answers by itself, before or around a handler: a path
 * no route serves, a request body that is not JSON, and an unexpected failure. Each vendor answers
 * these in its own error shape.
 */
@FunctionalInterface
interface ErrorBody {
  /** The answer for {@code problem}, carrying {@code message}. */
  Reply reply(Problem problem, String message);

  /** What went wrong, with the HTTP status and the gRPC code that usually say it. */
  enum Problem {
    /** No route serves the path (or not with that method). */
    NOT_FOUND(404, 5),
    /** The request cannot be read. */
    BAD_REQUEST(400, 3),
    /** The worker or the gateway failed. */
    INTERNAL(500, 13);

    private final int httpStatus;
    private final int grpcCode;

    Problem(int httpStatus, int grpcCode) {
      this.httpStatus = httpStatus;
      this.grpcCode = grpcCode;
    }

    int httpStatus() {
      return httpStatus;
    }

    int grpcCode() {
      return grpcCode;
    }
  }
}
