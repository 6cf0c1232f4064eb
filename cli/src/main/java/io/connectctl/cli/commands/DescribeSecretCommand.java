package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.SecretViews;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code describe secret NAME}: name, labels and scopes (never values). JSON: {@code {name,
 * context, vendor, labels, scopes}}.
 */
@Command(
    name = "secret",
    aliases = "secrets",
    description = "Show a connector secret's name, labels and scopes (values are never returned).")
final class DescribeSecretCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", description = "The secret.")
  String name;

  @Override
  public Integer call() {
    ConnectorSecret secret = client(Capability.SECRETS).secrets().get(name);
    Target target = target();
    printer()
        .emit(
            SecretViews.secret(target, secret),
            out -> {
              DescribeCommand.heading(out, secret.name(), target);
              DescribeCommand.field(out, "Scopes", SecretViews.list(secret.scopes()));
              out.println("Labels:" + (secret.labels().isEmpty() ? " none" : ""));
              new java.util.TreeMap<>(secret.labels())
                  .forEach((k, v) -> out.println("  " + k + " = " + v));
            });
    return ok();
  }
}
