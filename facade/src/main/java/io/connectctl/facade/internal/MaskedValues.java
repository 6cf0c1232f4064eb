package io.connectctl.facade.internal;

import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.List;
import java.util.Map;

/**
 * Internal: keeps masked secrets from being written back. Vendors that read configs back with
 * secrets masked (Confluent sends {@code ****}) would store the mask itself if a read-modify-write
 * sent it unchanged, so any config about to be written is checked first.
 */
public final class MaskedValues {
  private static final String MASK = Redaction.MASK;

  private MaskedValues() {}

  /**
   * Refuses a config that still holds masked values, before anything is sent.
   *
   * @param vendor the vendor the config is for
   * @param connector the connector name, for the message
   * @param config the config about to be written
   * @throws InvalidRequestException naming every key whose value is {@code ****}, one field
   *     violation each
   */
  public static void refuseMasked(Vendor vendor, String connector, Map<String, String> config) {
    List<String> keys =
        config.entrySet().stream()
            .filter(e -> MASK.equals(e.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (keys.isEmpty()) {
      return;
    }
    String message =
        "Config of connector '"
            + connector
            + "' has masked values ("
            + MASK
            + ") for "
            + String.join(", ", keys)
            + ": these are secrets as the vendor reads them back, not their real values;"
            + " supply the real values";
    List<FieldViolation> violations =
        keys.stream()
            .map(
                k ->
                    new FieldViolation(
                        "config." + k, "masked value " + MASK + " cannot be written back"))
            .toList();
    throw InvalidRequestException.beforeSending(vendor, message, violations);
  }
}
