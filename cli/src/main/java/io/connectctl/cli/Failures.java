package io.connectctl.cli;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the one-line error messages: what failed, for which connector and context, and what the
 * vendor said, once. A connector's trace is cut to its first line on the error line; {@code
 * describe}, {@code status -o json} and {@code --verbose} show it whole.
 */
public final class Failures {
  /** The most of a trace's first line an error line carries. */
  static final int TRACE_LINE_LIMIT = 300;

  private Failures() {}

  /**
   * The facade's message, with the vendor's own message appended when the facade's does not already
   * carry it (compared with line breaks and runs of spaces collapsed, as vendors send multi-line
   * messages). A failed connector's trace is not appended: its first line is in the message
   * already.
   */
  public static String message(ConnectCloudException e) {
    String message = oneLine(e.getMessage() == null ? kindName(e.kind()) : e.getMessage());
    if (e instanceof ConnectorFailedException failed) {
      return shortened(message, failed);
    }
    String vendor = oneLine(e.vendorMessage());
    if (vendor.isEmpty() && e.vendor() != null) {
      // the facade's own words (a setting it names, a TLS failure): in the CLI's terms
      message = VendorDescriptions.of(e.vendor()).inContextTerms(message);
    }
    if (!vendor.isEmpty() && !carries(message, vendor)) {
      message = message + ": " + vendor;
    }
    return message;
  }

  /**
   * {@link #message} for a line that says itself what failed, where, and on which vendor ({@link
   * #line}): the facade's own opening ({@code <vendor>: <what> failed: }) is left out, so the line
   * says it once ({@code get status of connector 'x' in context 'c' (kafka-connect) failed: HTTP
   * 404: …}, not {@code … failed: kafka-connect: read status of 'x' failed: HTTP 404: …}). A failed
   * connector's message is kept whole: it says what failed, not what was being done.
   */
  static String detail(ConnectCloudException e) {
    String message = message(e);
    if (e instanceof ConnectorFailedException || e.vendor() == null) {
      return message;
    }
    String opening = e.vendor() + ": ";
    int failed = message.indexOf(" failed: ");
    return message.startsWith(opening) && failed > 0
        ? message.substring(failed + " failed: ".length())
        : message;
  }

  /**
   * Whether {@code message} already carries {@code vendor}: compared with all whitespace collapsed,
   * and a message that carries only the start of it (the facade cuts long vendor messages) counts
   * too.
   */
  private static boolean carries(String message, String vendor) {
    String m = message.replaceAll("\\s+", " ");
    String v = vendor.replaceAll("\\s+", " ").trim();
    return m.contains(v) || m.contains(v.substring(0, Math.min(v.length(), 60)));
  }

  /**
   * A failed connector's message with an overlong trace line cut, and where to see the whole trace.
   */
  private static String shortened(String message, ConnectorFailedException failed) {
    String trace = failed.trace().strip();
    if (trace.isEmpty()) {
      return message;
    }
    String first = trace.lines().findFirst().orElse("").strip();
    if (first.length() > TRACE_LINE_LIMIT) {
      String cut = first.substring(0, TRACE_LINE_LIMIT) + " …";
      int at = message.indexOf(first);
      message =
          at >= 0
              ? message.substring(0, at) + cut + message.substring(at + first.length())
              : message;
    }
    if (message.length() > 2 * TRACE_LINE_LIMIT) {
      message = message.substring(0, 2 * TRACE_LINE_LIMIT) + " …";
    }
    boolean more = trace.lines().count() > 1 || first.length() > TRACE_LINE_LIMIT;
    return more
        ? message + " (whole trace: connectctl describe " + failed.connector() + ", or --verbose)"
        : message;
  }

  /**
   * {@code <action> connector '<name>' in context '<context>' (<vendor>) failed: <message>}; the
   * connector part is left out when {@code connector} is empty.
   */
  public static String line(String action, String connector, Target target, String message) {
    return action
        + (connector.isEmpty() ? "" : " connector '" + connector + "'")
        + " in context '"
        + target.context()
        + "' ("
        + target.vendor()
        + ") failed: "
        + oneLine(message);
  }

  /** The exit code and line for any failure of an action on one connector. */
  public static Outcome of(String action, String connector, Target target, Throwable e) {
    if (e instanceof ConnectCloudException api) {
      return new Outcome(
          ExitCode.of(api), kindName(api.kind()), line(action, connector, target, detail(api)), e);
    }
    if (e instanceof CliException cli) {
      return new Outcome(
          cli.exitCode(), "CLI", line(action, connector, target, cli.getMessage()), e);
    }
    return new Outcome(
        ExitCode.API_FAILED, "FAILED", line(action, connector, target, String.valueOf(e)), e);
  }

  /**
   * A change that was made but whose wait then failed: {@code connector '<name>' in context
   * '<context>' (<vendor>) was <pastTense>, then failed: <message>} (or {@code then timed out} for
   * a wait that ran out).
   */
  public static Outcome afterChange(
      String pastTense, String connector, Target target, Throwable e) {
    Outcome plain = of("", connector, target, e);
    String message =
        e instanceof ConnectCloudException api ? detail(api) : String.valueOf(e.getMessage());
    String then = plain.exitCode() == ExitCode.TIMEOUT ? "then timed out" : "then failed";
    return new Outcome(
        plain.exitCode(),
        plain.kind(),
        "connector '"
            + connector
            + "' in context '"
            + target.context()
            + "' ("
            + target.vendor()
            + ") was "
            + pastTense
            + ", "
            + then
            + ": "
            + oneLine(message),
        e);
  }

  /**
   * The {@code "kind"} printed in JSON errors: the kind's name, except that the two kinds split off
   * later keep the names they were printed with before ({@code INVALID_REQUEST} for a request
   * refused before sending, {@code TIMEOUT} for a wait that ran out of time), so scripts reading
   * the output keep working.
   */
  static String kindName(ErrorKind kind) {
    return switch (kind) {
      case REFUSED_BEFORE_SENDING -> ErrorKind.INVALID_REQUEST.name();
      case WAIT_TIMEOUT -> ErrorKind.TIMEOUT.name();
      default -> kind.name();
    };
  }

  /** The whole trace of a failed connector, for {@code --verbose}; empty for other failures. */
  public static String trace(Throwable e) {
    return e instanceof ConnectorFailedException failed ? failed.trace() : "";
  }

  /** The header of a worker's list of config errors, which then follow one per line. */
  private static final Pattern ERROR_LIST =
      Pattern.compile("contains the following \\d+ error\\(s\\):");

  /**
   * The same header in the facade's message, which follows it with a one-line summary of the
   * violations ({@code … 2 error(s) [tasks.max: …; topics: …]}) instead of the colon.
   */
  private static final Pattern ERROR_LIST_SUMMARY =
      Pattern.compile("contains the following \\d+ error\\(s\\)");

  /**
   * The separate errors of a worker's list of config errors ({@code Connector configuration is
   * invalid and contains the following 2 error(s):} then one error per line); empty for any other
   * failure. The worker's closing pointer to the validate endpoint is not an error and is left out.
   */
  public static List<String> listedErrors(Throwable e) {
    if (!(e instanceof ConnectCloudException api)) {
      return List.of();
    }
    String vendor = api.vendorMessage();
    Matcher header = ERROR_LIST.matcher(vendor);
    if (!header.find()) {
      return List.of();
    }
    return vendor
        .substring(header.end())
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("You can also find the above list of errors"))
        .toList();
  }

  /**
   * The lines an error prints as: {@code error: <line>}, or, for a worker's list of config errors,
   * the line up to the list's header and then each error on its own indented line.
   */
  public static List<String> printed(String line, Throwable e) {
    List<String> errors = listedErrors(e);
    if (errors.isEmpty()) {
      return List.of("error: " + line);
    }
    // the errors follow one per line, so the line stops at the header (without the summary)
    Matcher header = ERROR_LIST_SUMMARY.matcher(line);
    List<String> out = new ArrayList<>();
    out.add("error: " + (header.find() ? line.substring(0, header.end()) + ":" : line));
    errors.forEach(error -> out.add("  " + error));
    return out;
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
