package io.connectctl.facade;

import io.connectctl.facade.errors.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Checks connector names against each vendor's rules before anything is sent. Names that pass
 * travel as exactly one percent-encoded path segment (see {@code
 * io.connectctl.client.runtime.PathSegmentEncoding}), whatever they contain.
 */
public final class ConnectorNames {
  private static final Pattern YANDEX = Pattern.compile("[-_.a-zA-Z0-9]*");
  private static final int YANDEX_MAX = 256;

  private ConnectorNames() {}

  /**
   * @return {@code name} when {@code vendor} accepts it
   * @throws InvalidRequestException naming the connector and the rule it breaks
   */
  public static String check(Vendor vendor, String name) {
    if (name == null || name.isBlank()) {
      throw InvalidRequestException.beforeSending(
          vendor, "Connector name must not be empty", "name");
    }
    if (name.equals(".") || name.equals("..")) {
      throw InvalidRequestException.beforeSending(
          vendor,
          "Connector name '"
              + name
              + "' cannot be used: HTTP clients "
              + "and servers read '.' and '..' in a URL path as navigation (even percent-encoded), so no request "
              + "could reach that connector",
          "name");
    }
    if (vendor == Vendor.YANDEX) {
      if (name.length() > YANDEX_MAX) {
        throw InvalidRequestException.beforeSending(
            vendor,
            "Connector name '"
                + abbreviate(name)
                + "' is "
                + name.length()
                + " characters long; yandex allows at most "
                + YANDEX_MAX,
            "name");
      }
      if (!YANDEX.matcher(name).matches()) {
        throw InvalidRequestException.beforeSending(
            vendor,
            "Connector name '"
                + name
                + "' is not allowed by yandex: use only letters, digits, '-', '_' and '.' ([-_.a-zA-Z0-9], at most 256)",
            "name");
      }
    }
    return name;
  }

  private static String abbreviate(String name) {
    return name.length() <= 40 ? name : name.substring(0, 37) + "...";
  }
}
