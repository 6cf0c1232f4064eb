package io.connectctl.facade.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskedValuesTest {
  @Test
  void configsWithoutTheMaskPass() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("kafka.api.secret", "real-secret");
    config.put("almost", "***");
    config.put("more", "*****");
    config.put("spaced", " **** ");
    config.put("empty", "");
    config.put("absent", null);
    assertDoesNotThrow(() -> MaskedValues.refuseMasked(Vendor.CONFLUENT, "orders", config));
    assertDoesNotThrow(() -> MaskedValues.refuseMasked(Vendor.REDPANDA, "orders", Map.of()));
  }

  @Test
  void everyMaskedKeyIsNamedInOrder() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("z.password", "****");
    config.put("connector.class", "x");
    config.put("a.secret", "****");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> MaskedValues.refuseMasked(Vendor.CONFLUENT, "orders", config));

    assertEquals(ErrorKind.REFUSED_BEFORE_SENDING, e.kind());
    assertEquals(Vendor.CONFLUENT, e.vendor());
    assertEquals(0, e.httpStatus());
    assertTrue(e.getMessage().contains("connector 'orders'"), e.getMessage());
    assertTrue(e.getMessage().contains("a.secret, z.password"), e.getMessage());
    assertFalse(e.getMessage().contains("connector.class"), e.getMessage());
    assertEquals(
        List.of("config.a.secret", "config.z.password"),
        e.violations().stream().map(FieldViolation::field).toList());
  }
}
