package io.connectctl.facade.errors;

import io.connectctl.facade.Vendor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client was configured with settings it cannot use: a required setting missing, a URL malformed
 * or plain {@code http://} to a remote host, a proxy variable that is not a URL, or credentials its
 * vendor does not accept. Thrown by the builders' {@code build()} (and by credential builders)
 * before any request exists; its {@link #kind()} is {@link ErrorKind#CONFIGURATION}. It is a {@link
 * RequestRefusedException} (nothing was sent), so {@link #violations()} names the setting.
 */
public class ConfigurationException extends RequestRefusedException {
  /**
   * @param vendor the vendor being configured, or {@code null} when none is chosen yet
   * @param setting the setting that is wrong, e.g. {@code baseUrl}
   * @param message what is wrong and how to fix it
   */
  public ConfigurationException(@Nullable Vendor vendor, String setting, String message) {
    super(vendor, message, List.of(new FieldViolation(setting, message)));
  }

  /** The setting that is wrong. */
  public String setting() {
    return violations().get(0).field();
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.CONFIGURATION;
  }
}
