package io.connectctl.cli;

import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorKind;

/**
 * The process exit codes, part of connectctl's public contract.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>the API refused or failed (including an operation the vendor does not offer)</td></tr>
 *   <tr><td>2</td><td>bad usage or input, refused before anything was sent</td></tr>
 *   <tr><td>3</td><td>authentication or permission (missing or rejected credentials, HTTP 401/403)</td></tr>
 *   <tr><td>4</td><td>not found</td></tr>
 *   <tr><td>5</td><td>timed out waiting</td></tr>
 *   <tr><td>6</td><td>{@code diff} only: the comparison could not be made because of a failure
 *       without a code of its own (a server error, the network, …); {@code diff} keeps 0 and 1 for a
 *       comparison that was made</td></tr>
 *   <tr><td>7</td><td>{@code reconcile} only: another instance already works on one of the
 *       contexts (it holds the state directory's lock)</td></tr>
 * </table>
 */
public final class ExitCode {
  /** Everything worked. */
  public static final int OK = 0;

  /** The API refused or failed, or the vendor lacks the operation. */
  public static final int API_FAILED = 1;

  /** Bad usage or input. */
  public static final int USAGE = 2;

  /** Authentication or permission. */
  public static final int AUTH = 3;

  /** Not found. */
  public static final int NOT_FOUND = 4;

  /** Timed out waiting. */
  public static final int TIMEOUT = 5;

  /**
   * {@code diff} could not compare: a failure that would exit 1 elsewhere, kept apart from
   * "something would change" (1) so a CI gate does not read an outage as a pending change.
   */
  public static final int COMPARISON_FAILED = 6;

  /** {@code reconcile}: another instance holds the lock of one of its contexts. */
  public static final int LOCKED = 7;

  /**
   * A command whose exit code 1 means an answer ("something differs"), not a failure: its failures
   * that would exit 1 exit {@link #COMPARISON_FAILED} instead (see {@link #forComparison(int)}).
   */
  public interface Comparison {}

  /**
   * The exit code of a failure in a {@link Comparison}: {@link #API_FAILED} becomes {@link
   * #COMPARISON_FAILED}; the kinds with a code of their own (2, 3, 4, 5) keep it.
   */
  public static int forComparison(int code) {
    return code == API_FAILED ? COMPARISON_FAILED : code;
  }

  private ExitCode() {}

  /**
   * The exit code for a facade failure: its {@link ConnectCloudException#kind()} mapped by {@link
   * #of(ErrorKind)}.
   */
  public static int of(ConnectCloudException e) {
    return of(e.kind());
  }

  /**
   * The exit code for a kind of failure: 401/403 → 3, 404 → 4, a wait that ran out of time → 5, a
   * request refused before it was sent (bad name, masked secret in a config) or a client configured
   * wrongly → 2, anything else the API did (including a single request that timed out) → 1. Every
   * kind is listed, so a new one needs a decision.
   */
  public static int of(ErrorKind kind) {
    return switch (kind) {
      case UNAUTHORIZED, FORBIDDEN -> AUTH;
      case NOT_FOUND -> NOT_FOUND;
      case WAIT_TIMEOUT -> TIMEOUT;
      case REFUSED_BEFORE_SENDING, CONFIGURATION -> USAGE;
      case CONFLICT,
          RATE_LIMITED,
          INVALID_REQUEST,
          SERVER_ERROR,
          TIMEOUT,
          NETWORK,
          UNSUPPORTED,
          FAILED,
          UNEXPECTED_RESPONSE ->
          API_FAILED;
    };
  }

  /**
   * One code for several outcomes: 0 if all are 0, the shared code if all failures agree, else 1.
   */
  public static int combine(Iterable<Integer> codes) {
    int combined = OK;
    for (int code : codes) {
      if (code == OK) {
        continue;
      }
      if (combined == OK) {
        combined = code;
      } else if (combined != code) {
        combined = API_FAILED;
      }
    }
    return combined;
  }
}
