package io.connectctl.cli;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.ConnectCloudException;

/** Builds the one-line error messages: what failed, for which connector and context, and what the vendor said. */
public final class Failures {
  private Failures() {}

  /** The facade's message, with the vendor's own message appended when the facade's does not already carry it. */
  public static String message(ConnectCloudException e) {
    String message = e.getMessage() == null ? e.kind().name() : e.getMessage();
    String vendor = e.vendorMessage();
    if (!vendor.isEmpty() && !message.contains(vendor)) {
      message = message + ": " + vendor;
    }
    return oneLine(message);
  }

  /**
   * {@code <action> connector '<name>' in context '<context>' (<vendor>) failed: <message>}; the connector part is
   * left out when {@code connector} is empty.
   */
  public static String line(String action, String connector, Target target, String message) {
    return action + (connector.isEmpty() ? "" : " connector '" + connector + "'") + " in context '" + target.context()
        + "' (" + target.vendor() + ") failed: " + oneLine(message);
  }

  /** The exit code and line for any failure of an action on one connector. */
  public static Outcome of(String action, String connector, Target target, Throwable e) {
    if (e instanceof ConnectCloudException api) {
      return new Outcome(ExitCode.of(api), api.kind().name(), line(action, connector, target, message(api)), e);
    }
    if (e instanceof CliException cli) {
      return new Outcome(cli.exitCode(), "CLI", line(action, connector, target, cli.getMessage()), e);
    }
    return new Outcome(ExitCode.API_FAILED, "FAILED", line(action, connector, target, String.valueOf(e)), e);
  }

  /** Newlines and runs of spaces collapsed, so an error is always one line. */
  public static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  /**
   * One failure, ready to print.
   *
   * @param exitCode the exit code it maps to
   * @param kind the facade's {@code ErrorKind} name, or {@code CLI}
   * @param line the message line
   * @param cause the failure, for {@code --verbose}
   */
  public record Outcome(int exitCode, String kind, String line, Throwable cause) {}
}
