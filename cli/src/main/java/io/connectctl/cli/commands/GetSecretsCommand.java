package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.LabelOptions;
import io.connectctl.cli.output.SecretViews;
import io.connectctl.cli.output.Table;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.SecretFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code get secrets [--name-contains TEXT] [--label k=v]… [--scope SCOPE]…}: the connector
 * secrets, without values (vendors never return them). JSON: {@code [{name, context, vendor,
 * labels, scopes}]}.
 */
@Command(
    name = "secrets",
    aliases = "secret",
    description =
        "List connector secrets (names, labels and scopes; values are never shown or returned).")
final class GetSecretsCommand extends BaseCommand {
  @Option(
      names = "--name-contains",
      paramLabel = "TEXT",
      description = "Only secrets whose name contains TEXT.")
  String nameContains = "";

  @Mixin LabelOptions labels;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description =
          "Only secrets with this scope, e.g. redpanda_connect or SCOPE_REDPANDA_CONNECT (repeatable).")
  List<String> scopes = new ArrayList<>();

  @Override
  public Integer call() {
    SecretFilter filter =
        new SecretFilter(
            nameContains, labels.map(), scopes.stream().map(GetSecretsCommand::scope).toList());
    var client = client(Capability.SECRETS);
    Target target = target();
    List<ConnectorSecret> secrets = new ArrayList<>();
    client.secrets().list(filter).forEach(secrets::add);
    List<Map<String, Object>> views =
        secrets.stream().map(s -> SecretViews.secret(target, s)).toList();
    printer()
        .emit(
            views,
            out -> {
              if (secrets.isEmpty()) {
                err().println("No secrets found in context '" + target.context() + "'.");
                return;
              }
              Table table = new Table("NAME", "LABELS", "SCOPES");
              secrets.forEach(
                  s ->
                      table.row(
                          s.name(), SecretViews.labels(s.labels()), SecretViews.list(s.scopes())));
              table.print(out);
            });
    return ok();
  }

  /** {@code redpanda_connect} → {@code SCOPE_REDPANDA_CONNECT}; a full name is kept. */
  static String scope(String scope) {
    String upper = scope.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (upper.isEmpty()) {
      throw RootCommand.usage("--scope must not be empty");
    }
    return upper.startsWith("SCOPE_") ? upper : "SCOPE_" + upper;
  }
}
