package io.connectctl.prism;

/** Prism could not be started: the message says what is missing or what Prism printed. */
public final class PrismException extends IllegalStateException {
  /**
   * @param message what went wrong
   */
  public PrismException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the cause
   */
  public PrismException(String message, Throwable cause) {
    super(message, cause);
  }
}
