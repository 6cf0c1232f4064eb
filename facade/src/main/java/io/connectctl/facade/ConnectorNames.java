package io.connectctl.facade;

import io.connectctl.facade.errors.InvalidRequestException;

/**
 * Checks connector names against each vendor's rules ({@link VendorRules#checkName}) before
 * anything is sent. Names that pass travel as exactly one percent-encoded path segment (see {@code
 * io.connectctl.client.runtime.PathSegmentEncoding}), whatever they contain.
 */
public final class ConnectorNames {
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
    vendor.rules().checkName(name);
    return name;
  }
}
