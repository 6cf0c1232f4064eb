package io.connectctl.facade.errors;

import org.jspecify.annotations.Nullable;

/**
 * Missing, wrong or expired credentials (HTTP 401), or a token that could not be obtained. A
 * builder's {@code build()} throws it too, with {@link #httpStatus()} 0 and nothing sent, when no
 * credentials were given and the environment variables it reads hold none (or only half a pair, or
 * a key file that cannot be read): an authentication problem like a 401, so one catch (and the
 * CLI's exit code 3) covers both. Credentials the vendor cannot use at all (HTTP Basic for a
 * token-only vendor) are a {@link ConfigurationException}.
 */
public class UnauthorizedException extends ConnectCloudException {
  /**
   * @param message the whole message
   * @param context the vendor, HTTP status and what the vendor said
   * @param cause the cause, may be null
   */
  public UnauthorizedException(String message, ErrorContext context, @Nullable Throwable cause) {
    super(message, ErrorKind.UNAUTHORIZED, context, cause);
  }
}
