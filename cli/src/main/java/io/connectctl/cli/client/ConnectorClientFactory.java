package io.connectctl.cli.client;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Credentials;

/**
 * Makes the {@link ConnectorClient} for a resolved target. {@link VendorClientFactory} is the real
 * one.
 */
@FunctionalInterface
public interface ConnectorClientFactory {
  /**
   * @param target where to connect
   * @param credentials the resolved credentials
   * @param settings how the CLI wants requests handled (logging)
   * @return a client the caller closes
   */
  ConnectorClient create(Target target, Credentials credentials, ClientSettings settings);
}
