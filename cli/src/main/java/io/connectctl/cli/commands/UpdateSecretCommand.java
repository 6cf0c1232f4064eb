package io.connectctl.cli.commands;

import io.connectctl.cli.apply.SecretFingerprints;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code update secret NAME (--from-env KEY=VAR | --from-file KEY=PATH)… [--label k=v]…}: replaces
 * the secret's values (all of them: the API stores the whole set). Without {@code --label} the
 * current labels are kept (but not the fingerprint {@code apply} records, which no longer describes
 * the value). JSON as {@code create secret} with {@code action: update}.
 */
@Command(
    name = "secret",
    aliases = "secrets",
    description = {
      "Replace a connector secret's values (the whole set) and, with --label, its labels. Values come "
          + "only from --from-env, --from-file or standard input and are never shown.",
      "Connectors read new values when they next start: restart the ones that use the secret."
    })
final class UpdateSecretCommand extends SecretWriteCommand {
  @Override
  public Integer call() {
    SecretValues data = readValues("update");
    ConnectorClient client = client(Capability.SECRETS);
    if (dryRun()) {
      return reportDryRun("update", "updated", data);
    }
    Map<String, String> newLabels = labels.map();
    if (!labels.given()) {
      newLabels = new LinkedHashMap<>(client.secrets().get(name).labels());
      newLabels.remove(SecretFingerprints.LABEL);
    }
    ConnectorSecret updated = client.secrets().update(name, data, newLabels);
    return report("update", "updated", updated, data);
  }
}
