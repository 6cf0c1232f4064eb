package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorErrorBodyTest {
  @Test
  void oauthErrorShape() {
    VendorErrorBody body =
        redpanda("{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
    assertEquals("invalid_client", body.code());
    assertEquals("Unauthorized", body.message());
  }

  @Test
  void unknownShapesAreEmpty() {
    for (String text :
        List.of(
            "",
            "   ",
            "[1,2]",
            "\"text\"",
            "<html></html>",
            "{\"code\":",
            "{\"error\":null}",
            "{\"foo\":\"bar\"}")) {
      assertTrue(VendorErrorBody.parse(Vendor.CONFLUENT, text).isEmpty(), text);
    }
  }

  @Test
  void qualifiedCodeJoinsCodeAndReason() {
    assertEquals(
        "NOT_FOUND/REASON_X",
        new VendorErrorBody("NOT_FOUND", "REASON_X", "", List.of(), "").qualifiedCode());
    assertEquals(
        "NOT_FOUND", new VendorErrorBody("NOT_FOUND", "", "", List.of(), "").qualifiedCode());
    assertEquals(
        "REASON_X", new VendorErrorBody("", "REASON_X", "", List.of(), "").qualifiedCode());
  }

  @Test
  void redactedHidesSecretsInMessageAndViolations() {
    VendorErrorBody body =
        new VendorErrorBody(
            "3",
            "",
            "bad value hunter22 for x",
            List.of(new FieldViolation("password", "hunter22 is too short")),
            "");
    VendorErrorBody safe = body.redacted(List.of("hunter22"));
    assertEquals("bad value <redacted> for x", safe.message());
    assertEquals("<redacted> is too short", safe.violations().get(0).description());
  }

  @Test
  void detailsWithUnexpectedTypesAreIgnored() {
    VendorErrorBody body =
        redpanda(
            "{\"code\":\"INTERNAL\",\"message\":\"boom\",\"details\":[1,\"x\",{\"@type\":\"Help\",\"links\":[]}]}");
    assertEquals("INTERNAL", body.qualifiedCode());
    assertEquals("boom", body.message());
    assertEquals(List.of(), body.violations());
  }

  private static VendorErrorBody redpanda(String text) {
    return VendorErrorBody.parse(Vendor.REDPANDA, text);
  }
}
