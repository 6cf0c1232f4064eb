package io.connectctl.facade.errors;

/** What kind of failure a {@link ConnectCloudException} is; the CLI maps these to exit codes. */
public enum ErrorKind {
  /**
   * The credentials were missing, wrong or expired (HTTP 401, or a token could not be obtained).
   */
  UNAUTHORIZED,
  /** The credentials are valid but not allowed to do this (HTTP 403). */
  FORBIDDEN,
  /** The connector, cluster or operation does not exist (HTTP 404). */
  NOT_FOUND,
  /** The request conflicts with the current state (HTTP 409). */
  CONFLICT,
  /** Too many requests (HTTP 429); see {@link RateLimitedException#retryAfter()}. */
  RATE_LIMITED,
  /**
   * The vendor refused the request as invalid (HTTP 400/422): see {@link InvalidRequestException}.
   */
  INVALID_REQUEST,
  /**
   * The facade refused the request before sending it (a bad name or config value): see {@link
   * RequestRefusedException}. Nothing was sent.
   */
  REFUSED_BEFORE_SENDING,
  /** The server failed (HTTP 5xx). */
  SERVER_ERROR,
  /**
   * A request ran out of time (client timeout, HTTP 408 or 504): see {@link
   * RequestTimeoutException}.
   */
  TIMEOUT,
  /** A wait for completion ran out of time: see {@link WaitTimeoutException}. */
  WAIT_TIMEOUT,
  /** The server could not be reached or the connection broke. */
  NETWORK,
  /** The vendor does not offer the operation. */
  UNSUPPORTED,
  /** The connector or a long-running operation ended in failure. */
  FAILED,
  /**
   * A client was configured wrongly (missing or malformed setting, credentials its vendor does not
   * accept): see {@link ConfigurationException}. Nothing was sent.
   */
  CONFIGURATION,
  /**
   * The vendor answered with success but the body did not match its API: see {@link
   * UnexpectedResponseException}.
   */
  UNEXPECTED_RESPONSE
}
