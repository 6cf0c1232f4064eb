package io.connectctl.facade.internal;

/**
 * Not API (callers see an {@link IllegalStateException}): a request of a client that was closed,
 * refused before it was sent. A type of its own so the error mapping lets it through unchanged.
 */
public final class ClientClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which client and which request
   */
  public ClientClosedException(String message) {
    super(message);
  }
}
