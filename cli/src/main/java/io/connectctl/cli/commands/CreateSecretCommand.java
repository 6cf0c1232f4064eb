package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

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
      "A Redpanda connector config references a value as ${secretsManager:NAME:KEY}."
    })
final class CreateSecretCommand extends BaseCommand {
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
          "'create secret' takes one NAME; values are never taken as arguments (they would show in"
              + " process listings and shell history): use --from-env KEY=VAR, --from-file KEY=PATH or standard input");
    }
    Map<String, String> labelMap = labels.map();
    // values are read (and checked) before credentials are resolved or anything is sent
    io.connectctl.cli.vendors.VendorDescriptions.of(target().vendor())
        .capabilities()
        .require(Capability.SECRETS);
    SecretValues data =
        values.read(root().environment().env(), root().environment().home(), System.in);
    ConnectorSecret created = client(Capability.SECRETS).secrets().create(name, data, labelMap);
    printer()
        .emit(
            List.of(SecretViews.change(target(), "create", created)),
            out ->
                out.println(
                    "secret/"
                        + created.name()
                        + " created (keys: "
                        + String.join(", ", data.keys())
                        + ")"));
    return ok();
  }
}
