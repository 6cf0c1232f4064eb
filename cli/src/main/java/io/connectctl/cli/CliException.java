package io.connectctl.cli;

/**
 * A failure the CLI reports as one line on stderr with a chosen exit code (bad config, unknown
 * context, missing credentials, bad input file …). The message is shown as is; it never contains a
 * secret.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  /**
   * @param exitCode one of {@link ExitCode}
   * @param message the whole line to show
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /**
   * @param exitCode one of {@link ExitCode}
   * @param message the whole line to show
   * @param cause the cause, shown only with {@code --verbose}
   */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad usage or input (exit 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  /** The exit code. */
  public int exitCode() {
    return exitCode;
  }
}
