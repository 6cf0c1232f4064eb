package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal: changing some keys of a connector's config where the server cannot patch: read the
 * config, change it, write it back whole.
 */
public final class ConfigRewrite {
  private ConfigRewrite() {}

  /**
   * Reads {@code name}'s config, applies {@code changes} (a {@code null} value removes its key) and
   * writes the result with {@link ConnectorClient#updateConfig}.
   *
   * @throws InvalidRequestException before writing when {@code changes} is empty, or when a value
   *     the server masked would be written back (the keys are named)
   */
  public static PendingChange patch(
      ConnectorClient client, String name, Map<String, String> changes) {
    if (changes == null || changes.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          client.vendor(),
          "Connector '" + name + "': no config changes given (nothing was sent)",
          "changes");
    }
    Map<String, String> config = new LinkedHashMap<>(client.getConnector(name).config());
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            config.remove(key);
          } else {
            config.put(key, value);
          }
        });
    List<String> masked =
        config.entrySet().stream()
            .filter(e -> Redaction.isMasked(e.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!masked.isEmpty()) {
      throw InvalidRequestException.beforeSending(
          client.vendor(),
          "Connector '"
              + name
              + "': changing some keys means writing the whole config back, and the server"
              + " masks the values of "
              + String.join(", ", masked)
              + ": give their real values among the changes (nothing was sent)",
          masked.stream()
              .map(k -> new FieldViolation("config." + k, "masked by the server; supply it"))
              .toList());
    }
    return client.updateConfig(name, config);
  }
}
