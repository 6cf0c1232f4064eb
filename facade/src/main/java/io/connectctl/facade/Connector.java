package io.connectctl.facade;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A connector's definition.
 *
 * <p>{@code config} is a flat string map for every vendor. Redpanda and Confluent use Kafka
 * Connect's own keys. Yandex has typed configs; they are flattened to dotted JSON paths under the
 * connector spec ({@code connectorConfigMirrormaker.topics}, {@code tasksMax}, {@code
 * properties.<key>} …) so they can be read, diffed and written back; the typed model itself is
 * {@link #vendorModel()}.
 *
 * @param name the connector name
 * @param type source or sink
 * @param config the flat config; secrets may come back masked (Confluent sends {@code ****})
 * @param vendorModel the vendor's generated model this was read from, for what the flat view cannot
 *     say
 */
public record Connector(
    String name, ConnectorType type, Map<String, String> config, @Nullable Object vendorModel) {
  /** Validates and copies. */
  public Connector {
    Objects.requireNonNull(name, "name");
    type = Objects.requireNonNullElse(type, ConnectorType.UNKNOWN);
    config = Immutable.map(config);
  }

  /**
   * The vendor model if it is a {@code modelType}, e.g. Yandex's {@code
   * io.connectctl.client.yandex.model.Connector}.
   */
  public <T> Optional<T> vendorModel(Class<T> modelType) {
    return modelType.isInstance(vendorModel)
        ? Optional.of(modelType.cast(vendorModel))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "Connector[name="
        + name
        + ", type="
        + type
        + ", config="
        + Redaction.redactConfig(config)
        + "]";
  }
}
