package io.connectctl.facade.internal;

import io.connectctl.facade.FieldViolation;
import io.connectctl.facade.InvalidRequestException;
import io.connectctl.facade.Vendor;
import java.util.List;
import java.util.Map;

/**
 * Internal: refuses a config that carries a vendor's secret mask ({@code ****}) where a real value belongs. Such a
 * config usually comes from a read-modify-write: sending it back would overwrite the stored secret with the mask.
 */
public final class MaskedValues {
  /** The text vendors send in place of a secret value. */
  public static final String MASK = "****";

  private MaskedValues() {}

  /**
   * @param vendor the vendor the config is for
   * @param connector the connector name, for the message
   * @param config the config about to be sent
   * @throws InvalidRequestException naming every key whose value is the mask (values are never shown)
   */
  public static void refuseMasked(Vendor vendor, String connector, Map<String, String> config) {
    List<String> keys = config.entrySet().stream()
        .filter(e -> MASK.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
    if (keys.isEmpty()) {
      return;
    }
    String message = "Config of connector '" + connector + "' has the masked value " + MASK + " for "
        + String.join(", ", keys) + ": supply the real secret values (masked values read back from " + vendor
        + " cannot be sent again)";
    List<FieldViolation> violations = keys.stream()
        .map(key -> new FieldViolation(key, "masked value " + MASK + " instead of the real secret"))
        .toList();
    throw new InvalidRequestException(message, vendor, 0, "", "", "", violations);
  }
}
