package io.connectctl.local;

/**
 * The local cluster could not be started or stopped; the message says why and where its logs are.
 */
public class LocalClusterException extends RuntimeException {
  /**
   * @param message the whole explanation, fit to show to a user
   */
  public LocalClusterException(String message) {
    super(message);
  }

  /**
   * @param message the whole explanation, fit to show to a user
   * @param cause the underlying failure
   */
  public LocalClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
