package io.connectctl.cli.commands;

import io.connectctl.cli.options.LabelOptions;
import io.connectctl.cli.options.SecretValueOptions;
import io.connectctl.cli.output.SecretViews;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretValues;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What {@code create secret} and {@code update secret} share: the NAME, values only from {@code
 * --from-env}, {@code --from-file} or standard input (anything else after NAME is refused without
 * being echoed), labels, the capability check before any value is read, and the one-line report
 * that names the keys, never the values.
 */
abstract class SecretWriteCommand extends WriteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The secret.")
  String name;

  /**
   * Anything after NAME: refused without being echoed, since it may be a value typed by mistake.
   */
  @Parameters(index = "1..*", hidden = true)
  List<String> extra = new ArrayList<>();

  @Mixin SecretValueOptions values;

  @Mixin LabelOptions labels;

  /**
   * Refuses extra arguments, checks the labels and that the vendor has secrets, then reads the
   * values (before credentials are resolved or anything is sent).
   *
   * @param verb {@code create} or {@code update}, for the messages
   */
  final SecretValues readValues(String verb) {
    if (!extra.isEmpty()) {
      throw RootCommand.usage(
          "'"
              + verb
              + " secret' takes one NAME; values are never taken as arguments (they would show in"
              + " process listings and shell history): use --from-env KEY=VAR, --from-file KEY=PATH or standard"
              + " input");
    }
    labels.map(); // a malformed --label is reported before anything else is checked
    VendorDescriptions.of(target().vendor()).capabilities().require(Capability.SECRETS);
    return values.read(root().environment().env(), root().environment().home(), System.in);
  }

  /** {@code --dry-run}: names the secret and the keys it would be written with; nothing is sent. */
  final int reportDryRun(String verb, String wouldBe, SecretValues data) {
    java.util.Map<String, Object> view = io.connectctl.cli.output.Views.header(target(), name);
    view.put("kind", "secret");
    view.put("action", verb);
    view.put("dryRun", true);
    view.put("keys", List.copyOf(data.keys()));
    printer()
        .emit(
            List.of(view),
            out ->
                out.println(
                    "secret/"
                        + name
                        + " would be "
                        + wouldBe
                        + " (keys: "
                        + String.join(", ", data.keys())
                        + ") (dry run)"));
    return ok();
  }

  /** Prints the written secret: its keys in table mode, the change record otherwise. */
  final int report(String verb, String done, ConnectorSecret secret, SecretValues data) {
    printer()
        .emit(
            List.of(SecretViews.change(target(), verb, secret)),
            out ->
                out.println(
                    "secret/"
                        + secret.name()
                        + " "
                        + done
                        + " (keys: "
                        + String.join(", ", data.keys())
                        + ")"));
    return ok();
  }
}
