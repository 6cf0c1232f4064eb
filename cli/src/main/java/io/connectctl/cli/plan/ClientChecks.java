package io.connectctl.cli.plan;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.errors.InvalidRequestException;
import java.util.List;
import java.util.Map;

/**
 * The checks a write makes on the client before it sends a connector config, run by everything that
 * plans or checks a config without sending it ({@code apply --dry-run}, {@code diff}, {@code
 * validate}) so that none of them passes a config {@code apply} would refuse. The vendor's rules
 * decide ({@link io.connectctl.facade.VendorRules#checkConfig}); no vendor is named here.
 */
public final class ClientChecks {
  private ClientChecks() {}

  /**
   * Why {@code config} would be refused before sending for connector {@code name} of {@code
   * target}; empty when it would be sent.
   *
   * @param config the config as it would be sent (references resolved)
   */
  public static List<String> problems(Target target, String name, Map<String, String> config) {
    try {
      target.vendor().rules().checkConfig(name, config);
      return List.of();
    } catch (InvalidRequestException e) {
      return List.of(e.getMessage());
    }
  }
}
