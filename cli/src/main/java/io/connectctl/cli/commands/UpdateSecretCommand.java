package io.connectctl.cli.commands;

import io.connectctl.cli.apply.SecretFingerprints;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
final class UpdateSecretCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The secret.")
  String name;

  /**
   * Anything after NAME: refused without being echoed, since it may be a value typed by mistake.
   */
  @Parameters(index = "1..*", hidden = true)
  List<String> extra = new java.util.ArrayList<>();

  @Mixin SecretValueOptions values;

  @Mixin LabelOptions labels;

  @Override
  public Integer call() {
    if (!extra.isEmpty()) {
      throw RootCommand.usage(
          "'update secret' takes one NAME; values are never taken as arguments (they would show in"
              + " process listings and shell history): use --from-env KEY=VAR, --from-file KEY=PATH or standard input");
    }
    Map<String, String> labelMap = labels.map();
    io.connectctl.cli.vendors.VendorDescriptions.of(target().vendor())
        .capabilities()
        .require(Capability.SECRETS);
    SecretValues data =
        values.read(root().environment().env(), root().environment().home(), System.in);
    ConnectorClient client = client(Capability.SECRETS);
    Map<String, String> newLabels = labelMap;
    if (!labels.given()) {
      newLabels = new LinkedHashMap<>(client.secrets().get(name).labels());
      newLabels.remove(SecretFingerprints.LABEL);
    }
    ConnectorSecret updated = client.secrets().update(name, data, newLabels);
    printer()
        .emit(
            List.of(SecretViews.change(target(), "update", updated)),
            out ->
                out.println(
                    "secret/"
                        + updated.name()
                        + " updated (keys: "
                        + String.join(", ", data.keys())
                        + ")"));
    return ok();
  }
}
