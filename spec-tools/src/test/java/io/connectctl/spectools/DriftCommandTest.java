package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DriftCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--repo";
    all[1] = Fixtures.path("repo").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return DriftCommand.run(
        all,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listedDeviationsAreShownAsDeliberateWithReasonAndEvidenceNotAsDrift() {
    assertEquals(0, run("--vendor", "shop"));
    String report = out();
    String drift = report.substring(report.indexOf("-- drift"), report.indexOf("-- deliberate"));
    String deliberate = report.substring(report.indexOf("-- deliberate"));
    assertFalse(drift.contains("legacy"), report);
    assertTrue(deliberate.contains("Still served for old clients"), report);
    assertTrue(deliberate.contains("evidence: captured answer in our tests."), report);
    assertTrue(deliberate.contains("operation-gone  GET /v1/shops/{}/legacy"), report);
    assertTrue(drift.contains("operation-added  POST /v1/shops/{}/orders/{}:cancel"), report);
    assertTrue(report.contains("matched nothing"), report);
    assertTrue(report.contains("A deviation that no longer matches anything."), report);
  }

  @Test
  void failOnDriftExitsOneWhenSomethingIsNotADeliberateDeviation() {
    assertEquals(1, run("--vendor", "shop", "--fail-on-drift"));
  }

  @Test
  void protoVendorsAndMissingCuratedSpecsAreReported() {
    assertEquals(0, run());
    String report = out();
    assertTrue(report.contains("== shop-proto: specs/shop/shop.yaml"), report);
    assertTrue(
        report.contains("operation-added  GET /v1/shops/{}/orders/{}  (vendor operation Get)"),
        report);
    assertTrue(
        report.contains("== newcomer:") && report.contains("skipped: the curated spec"), report);
  }

  @Test
  void theSourceCanBeOverriddenOnTheCommandLine() {
    assertEquals(
        0,
        run("--vendor", "shop", "--source", "shop=" + Fixtures.path("repo/specs/shop/shop.yaml")));
    assertTrue(out().contains("-- drift (0)"), out());
  }

  @Test
  void badUsageNamesWhatIsWrong() {
    assertEquals(2, run("--vendor", "nope"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("--vendor nope: not in"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run("--source", "shop"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--source takes NAME=PATH"));
  }
}
