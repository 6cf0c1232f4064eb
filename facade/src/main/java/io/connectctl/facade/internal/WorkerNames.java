package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.InvalidRequestException;

/**
 * Not API: the connector names a Kafka Connect worker creates but cannot serve afterwards, for the
 * rules of vendors whose API is (or fronts) Kafka Connect. Measured on a Kafka Connect 4.1.1 worker
 * (Jetty 12), with the name sent as one percent-encoded path segment:
 *
 * <ul>
 *   <li>{@code /}: created, then every request naming it gets {@code 400 Ambiguous URI path
 *       separator};
 *   <li>{@code \}: created, then {@code 400 Suspicious Path Character};
 *   <li>{@code %} (alone or as in {@code %2F}, {@code %41}): created, then {@code 400 Ambiguous URI
 *       path encoding};
 *   <li>white space or a control character at either end: the worker trims the name when creating,
 *       so the connector exists under another name and the one given is never found;
 *   <li><code>{</code> or <code>}</code>: created, but the create is answered {@code 500} (the
 *       worker builds the new connector's URL from a template), so its outcome cannot be told.
 * </ul>
 *
 * Everything else the worker takes ({@code ;}, {@code ?}, {@code #}, {@code ..} inside a name,
 * spaces inside, any Unicode) is created and addressed normally; control characters inside a name
 * are refused by the worker itself, before it creates anything.
 */
public final class WorkerNames {
  private WorkerNames() {}

  /**
   * Refuses a name the worker would create but could not address afterwards.
   *
   * @param vendor the vendor, for the exception and the message
   * @throws InvalidRequestException naming the connector and the character
   */
  public static void checkAddressable(Vendor vendor, String name) {
    if (name.isEmpty()) {
      return;
    }
    if (name.charAt(0) <= ' ' || name.charAt(name.length() - 1) <= ' ') {
      boolean leading = name.charAt(0) <= ' ';
      char c = leading ? name.charAt(0) : name.charAt(name.length() - 1);
      throw refused(
          vendor,
          "Connector name '"
              + shown(name)
              + "' "
              + (leading ? "starts" : "ends")
              + " with "
              + describe(c)
              + ": "
              + vendor
              + " trims names when creating, so the connector would be created as '"
              + shown(name.trim())
              + "' and could never be found under the name given; remove the "
              + (leading ? "leading" : "trailing")
              + " white space");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      String why =
          switch (c) {
            case '/' -> "400 Ambiguous URI path separator";
            case '\\' -> "400 Suspicious Path Character";
            case '%' -> "400 Ambiguous URI path encoding";
            default -> null;
          };
      if (why != null) {
        throw refused(
            vendor,
            "Connector name '"
                + shown(name)
                + "' contains "
                + describe(c)
                + ": "
                + vendor
                + " would create it but refuse every later request naming it ("
                + why
                + "), so it could never be read, changed or deleted; use a name without "
                + describe(c));
      }
      if (c == '{' || c == '}') {
        throw refused(
            vendor,
            "Connector name '"
                + shown(name)
                + "' contains "
                + describe(c)
                + ": "
                + vendor
                + " would create it but answer the create with 500 (it builds the connector's URL"
                + " from a template), so whether it exists could not be told; use a name without"
                + " '{' and '}'");
      }
    }
  }

  private static InvalidRequestException refused(Vendor vendor, String message) {
    return InvalidRequestException.beforeSending(vendor, message, "name");
  }

  private static String describe(char c) {
    return switch (c) {
      case '/' -> "'/' (a slash)";
      case '\\' -> "'\\' (a backslash)";
      case '%' -> "'%' (a percent sign)";
      case ' ' -> "a space";
      default -> c < ' ' ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    };
  }

  /** The name with control characters shown as {@code \\uXXXX}, so the message stays one line. */
  private static String shown(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if (c < ' ' || c == 0x7f) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
