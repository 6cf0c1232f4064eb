package io.connectctl.facade.internal;

import io.connectctl.facade.FieldViolation;
import io.connectctl.facade.InvalidRequestException;
import io.connectctl.facade.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Internal: keeps masked secrets from being written back. Vendors that read configs with secrets replaced by
 * {@link #MASK} store whatever they are sent, so a read-modify-write that kept a masked value would overwrite the
 * real secret with four asterisks. Callers check a config with {@link #refuseMasked} before sending it.
 */
public final class MaskedValues {
  /** What the vendors show instead of a secret value. */
  public static final String MASK = "****";

  private MaskedValues() {}

  /**
   * Refuses a config that still holds masked values; nothing is sent.
   *
   * @param vendor the vendor the config is for
   * @param connector the connector it belongs to
   * @param config the config about to be sent
   * @throws InvalidRequestException naming the connector and every key whose value is {@link #MASK}, with one
   *     field violation per key ({@code config.<key>})
   */
  public static void refuseMasked(Vendor vendor, String connector, Map<String, String> config) {
    if (config == null) {
      return;
    }
    List<String> keys = config.entrySet().stream()
        .filter(e -> MASK.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
    if (keys.isEmpty()) {
      return;
    }
    boolean one = keys.size() == 1;
    String message = "Connector '" + connector + "': config " + (one ? "key " : "keys ") + String.join(", ", keys)
        + (one ? " holds" : " hold") + " the masked value " + MASK + " that " + vendor + " shows instead of a secret; "
        + "sending " + (one ? "it would overwrite the real secret" : "them would overwrite the real secrets")
        + ". Put the real " + (one ? "value" : "values") + " in the config (nothing was sent)";
    List<FieldViolation> violations = keys.stream()
        .map(k -> new FieldViolation("config." + k, "masked value " + MASK + " cannot be written back"))
        .toList();
    throw new InvalidRequestException(message, vendor, 0, "", "", "", violations);
  }
}
