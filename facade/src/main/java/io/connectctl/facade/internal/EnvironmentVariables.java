package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.UnauthorizedException;
import java.util.Map;

/**
 * Not API: the checks every vendor's rules make when reading credentials from environment
 * variables. Messages name variables, never their values.
 */
public final class EnvironmentVariables {
  private EnvironmentVariables() {}

  /** Whether a variable holds something other than blanks. */
  public static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Whether both variables are set.
   *
   * @throws UnauthorizedException naming the missing one when only one is set
   */
  public static boolean pair(Vendor vendor, Map<String, String> env, String first, String second) {
    boolean hasFirst = present(env.get(first));
    boolean hasSecond = present(env.get(second));
    if (hasFirst != hasSecond) {
      String set = hasFirst ? first : second;
      String unset = hasFirst ? second : first;
      throw new UnauthorizedException(
          "Incomplete " + vendor + " credentials: " + set + " is set but " + unset + " is not",
          ErrorContext.of(vendor),
          null);
    }
    return hasFirst;
  }

  /** The failure when none of {@code variables} (as a reader would list them) is set. */
  public static UnauthorizedException missing(Vendor vendor, String variables) {
    return new UnauthorizedException(
        "No " + vendor + " credentials: set " + variables, ErrorContext.of(vendor), null);
  }
}
