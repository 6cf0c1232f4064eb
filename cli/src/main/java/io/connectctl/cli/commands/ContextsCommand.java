package io.connectctl.cli.commands;

import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.CredentialSource;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code contexts}: the contexts of the config file. JSON: {@code [{name, current, vendor, url,
 * scope, credentials}]} where {@code credentials} says where they come from (never a secret).
 */
@Command(
    name = "contexts",
    description = "List the contexts of the config file ('contexts use NAME' sets the default).",
    subcommands = ContextsUseCommand.class)
final class ContextsCommand extends BaseCommand {
  @Override
  public Integer call() {
    ConfigFile config = root().configWithoutWarnings();
    List<Map<String, Object>> views = new ArrayList<>();
    Table table = new Table("CURRENT", "NAME", "VENDOR", "URL", "SCOPE", "CREDENTIALS");
    for (Target context : config.contexts().values()) {
      boolean current = context.context().equals(config.currentContext());
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", context.context());
      view.put("current", current);
      view.put("vendor", context.vendor().id());
      view.put("url", context.url());
      view.put("scope", context.scope());
      view.put("credentials", describe(context.credentials()));
      views.add(view);
      table.row(
          current ? "*" : "",
          context.context(),
          context.vendor(),
          context.url().isEmpty() ? "(default)" : context.url(),
          context.scope(),
          describe(context.credentials()));
    }
    for (Map.Entry<String, io.connectctl.cli.CliException> invalid : config.invalid().entrySet()) {
      boolean current = invalid.getKey().equals(config.currentContext());
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", invalid.getKey());
      view.put("current", current);
      view.put("error", invalid.getValue().getMessage());
      views.add(view);
      table.row(current ? "*" : "", invalid.getKey(), "(invalid)", "", "", "");
      err().println("error: " + invalid.getValue().getMessage());
    }
    printer()
        .emit(
            views,
            out -> {
              if (views.isEmpty()) {
                err().println("No contexts in " + config.path() + ".");
              } else {
                table.print(out);
              }
            });
    return config.invalid().isEmpty()
        ? ok()
        : io.connectctl.cli.ExitCode.combine(
            config.invalid().values().stream()
                .map(io.connectctl.cli.CliException::exitCode)
                .toList());
  }

  /** Where the credentials come from, in a few words. */
  static String describe(CredentialSource source) {
    if (source instanceof CredentialSource.Environment env) {
      return "env " + String.join(",", env.variables().values().stream().sorted().toList());
    }
    if (source instanceof CredentialSource.File file) {
      return "file " + file.path();
    }
    if (source instanceof CredentialSource.Inline) {
      return "inline (insecure)";
    }
    return "env (default variables)";
  }
}
