package io.connectctl.cli.client;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.Credentials;
import java.util.Optional;

/** Makes the {@link ConnectorClient} for a resolved target. {@link VendorClientFactory} is the real one. */
@FunctionalInterface
public interface ConnectorClientFactory {
  /**
   * @param target where to connect
   * @param credentials the resolved credentials
   * @param settings how the CLI wants requests handled (logging)
   * @return a client the caller closes
   */
  ConnectorClient create(Target target, Credentials credentials, ClientSettings settings);

  /**
   * What a vendor supports, known before any client (or credentials) exist, so an operation the vendor lacks is
   * reported as such even when credentials are missing. Empty when the factory cannot tell; the client's own
   * {@link ConnectorClient#capabilities()} is checked in any case.
   */
  default Optional<Capabilities> capabilities(Vendor vendor) {
    return Optional.empty();
  }
}
