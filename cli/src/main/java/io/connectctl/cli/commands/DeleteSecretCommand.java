package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code delete secret NAME…}: every name is reported; exit non-zero if any failed. JSON: {@code
 * [{name, context, vendor, kind: secret, action: delete, ok, error}]}.
 */
@Command(
    name = "secret",
    aliases = "secrets",
    description =
        "Delete connector secrets (connectors that still reference one fail when they next start).")
final class DeleteSecretCommand extends WriteCommand {
  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The secrets.")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    ConnectorClient client = client(Capability.SECRETS);
    Target target = target();
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> view = Views.header(target, name);
      view.put("kind", "secret");
      view.put("action", "delete");
      if (dryRun()) {
        view.put("dryRun", true);
        lines.add("secret/" + name + " would be deleted (dry run)");
        views.add(view);
        continue;
      }
      try {
        client.secrets().delete(name);
        view.put("ok", true);
        lines.add("secret/" + name + " deleted");
        codes.add(ExitCode.OK);
      } catch (RuntimeException e) {
        Failures.Outcome failure = Failures.of("delete", "", target, e);
        failure =
            new Failures.Outcome(
                failure.exitCode(),
                failure.kind(),
                failure.line().replaceFirst("^delete", "delete secret '" + name + "'"),
                e);
        codes.add(fail(failure));
        view.put("ok", false);
        view.put("error", Changes.error(failure));
      }
      views.add(view);
    }
    printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }
}
