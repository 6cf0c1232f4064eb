package io.connectctl.facade;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a vendor tells about a stored connector secret: its name, labels and scopes. Never its
 * values, which no vendor returns.
 *
 * @param name the secret's identifier (what {@code ${secretsManager:<name>:<key>}} references)
 * @param labels free-form labels
 * @param scopes the features allowed to read it (Redpanda: {@code SCOPE_REDPANDA_CONNECT} …), as
 *     the vendor names them
 */
public record ConnectorSecret(String name, Map<String, String> labels, List<String> scopes) {
  /** Validates and copies. */
  public ConnectorSecret {
    Objects.requireNonNull(name, "name");
    labels = Immutable.map(labels);
    scopes = Immutable.list(scopes);
  }
}
