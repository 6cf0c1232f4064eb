package io.connectctl.facade.move;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One translation of a connector class between dialects, as a mapping file gives it.
 *
 * @param connectorClass the flat {@code connector.class} this mapping is for
 * @param toClass for a flat-to-flat mapping, the class it becomes on the other side; empty for none
 * @param typed for a flat-to-typed mapping, the typed section ({@code connectorConfigMirrormaker});
 *     empty for none
 * @param keys flat key to the other side's key (for a typed mapping the full dotted path, e.g.
 *     {@code topics: connectorConfigMirrormaker.topics}); applied in reverse the other way
 */
public record DialectMapping(
    String connectorClass, String toClass, String typed, Map<String, String> keys) {
  /** Validates and copies. */
  public DialectMapping {
    Objects.requireNonNull(connectorClass, "connectorClass");
    toClass = Objects.requireNonNullElse(toClass, "");
    typed = Objects.requireNonNullElse(typed, "");
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
  }
}
