package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import picocli.CommandLine.Command;

/**
 * {@code create secret NAME (--from-env KEY=VAR | --from-file KEY=PATH)… [--label k=v]…}, or values
 * as a YAML/JSON mapping on standard input. Values are never accepted as arguments and never
 * printed. JSON: {@code [{name, context, vendor, kind: secret, action: create, ok, labels,
 * scopes}]}.
 */
@Command(
    name = "secret",
    aliases = "secrets",
    description = {
      "Create a connector secret. Values come only from --from-env, --from-file or standard input "
          + "(never from arguments) and are never shown.",
      "A Redpanda connector config references a value as $${secretsManager:NAME:KEY}."
    })
final class CreateSecretCommand extends SecretWriteCommand {
  @Override
  public Integer call() {
    SecretValues data = readValues("create");
    ConnectorClient client = client(Capability.SECRETS);
    if (dryRun()) {
      return reportDryRun("create", "created", data);
    }
    ConnectorSecret created = client.secrets().create(name, data, labels.map());
    return report("create", "created", created, data);
  }
}
