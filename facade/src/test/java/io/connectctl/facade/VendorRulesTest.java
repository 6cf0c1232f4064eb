package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectctl.facade.errors.UnauthorizedException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What holds for every vendor's rules; each vendor's own facts are tested in its package. */
class VendorRulesTest {
  private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void eachVendorsRulesLiveInItsOwnPackage(Vendor vendor) {
    VendorRules rules = vendor.rules();
    assertSame(rules, vendor.rules());
    assertEquals(
        "io.connectctl.facade." + vendor.id().replace("-", ""), rules.getClass().getPackageName());
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void noVendorRetriesASuccessOrANotFound(Vendor vendor) {
    for (int status : new int[] {200, 201, 204, 404}) {
      assertTrue(
          vendor.rules().retryReason(status, () -> "rebalance in progress").isEmpty(),
          vendor + " " + status);
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void anEmptyEnvironmentNamesOnlyListedVariables(Vendor vendor) {
    List<String> listed = vendor.rules().credentialVariables();
    assertFalse(listed.isEmpty(), vendor.id());
    assertEquals(listed.size(), new HashSet<>(listed).size(), "listed twice: " + listed);
    Credentials none;
    try {
      none = vendor.rules().credentialsFrom(Map.of(), "https://auth.example/token");
    } catch (UnauthorizedException e) {
      Set<String> named = new HashSet<>();
      Matcher m = VARIABLE.matcher(e.getMessage());
      while (m.find()) {
        named.add(m.group());
      }
      assertFalse(named.isEmpty(), e.getMessage());
      assertTrue(listed.containsAll(named), named + " not all in " + listed);
      return;
    }
    assertEquals("", none.authorizationHeader(), vendor + " without variables");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void everyListedVariableIsRead(Vendor vendor) {
    // one listed variable at a time, set to a value no reader accepts silently: each is either used
    // or reported (half of a pair, an unreadable key file), never ignored as if unset
    VendorRules rules = vendor.rules();
    String empty = outcome(rules, Map.of());
    for (String variable : rules.credentialVariables()) {
      String alone = outcome(rules, Map.of(variable, "/no/such/value"));
      if (alone.equals(empty)) {
        // a variable that only refines another (Redpanda's audience) changes nothing alone
        assertTrue(variable.endsWith("_AUDIENCE"), vendor + " ignores " + variable);
      }
    }
  }

  private static String outcome(VendorRules rules, Map<String, String> env) {
    try {
      Credentials c = rules.credentialsFrom(env, "https://auth.example/token");
      // never the header: that could exchange a token over the network
      return "credentials: " + c.getClass().getName() + " " + c;
    } catch (UnauthorizedException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      fail(e);
      return "";
    }
  }
}
