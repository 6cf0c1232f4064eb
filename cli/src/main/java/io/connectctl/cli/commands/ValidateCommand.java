package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.apply.References;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.output.Views;
import io.connectctl.cli.plan.ApplyPlanner;
import io.connectctl.cli.plan.ClientChecks;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code validate -f FILE|DIR}: checks each connector file against its plugin ({@code
 * connector.class}) without creating anything, and prints every field error as {@code NAME: FIELD:
 * message}. Exit 1 when any config has an error. JSON: {@code [{name, context, vendor, plugin,
 * valid, errorCount, errors: [{field, messages}], error?}]} (values are never printed: they may be
 * secrets).
 *
 * <p>Each document goes to the context it names, as {@code apply} sends it ({@link
 * ApplyPlanner#groups}); its {@code ${connectctl:…}} references are resolved and the checks {@code
 * apply} makes before sending run first ({@link ClientChecks}): a config apply would refuse is
 * refused here too, exit 2, and is not sent to the plugin.
 */
@Command(
    name = "validate",
    description =
        "Check connector files against their plugins without creating anything (exit 1 if any field has an error).")
final class ValidateCommand extends BaseCommand {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR",
      description =
          "A connector file ({name, config} or a list of them), or a directory of .yaml/.yml/.json files.")
  List<Path> files;

  @Override
  public Integer call() {
    TargetFlags flags = targetFlags();
    if (!flags.context().isEmpty() || !flags.vendor().isEmpty()) {
      // One target: an unsupported vendor is said before any file is read or client made.
      VendorDescriptions.of(target().vendor()).capabilities().require(Capability.VALIDATE);
    }
    List<Manifest> manifests = Manifests.read(files);
    // Documents go where apply sends them: each to the context it names.
    List<ApplyPlanner.Group> groups = ApplyPlanner.groups(this, manifests);
    for (ApplyPlanner.Group group : groups) {
      VendorDescriptions.of(group.target().vendor()).capabilities().require(Capability.VALIDATE);
    }
    Map<String, String> env = environment().env();
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean several = groups.size() > 1;
    for (ApplyPlanner.Group group : groups) {
      Target target = group.target();
      ConnectorClient client = clientFor(target, Capability.VALIDATE);
      for (Manifest manifest : group.manifests()) {
        String label = manifest.name() + (several ? " [" + target.context() + "]" : "");
        Map<String, Object> view = Views.header(target, manifest.name());
        References.Resolution resolved =
            References.resolve(manifest.config(), env, environment().home(), manifest.source());
        List<String> problems = new ArrayList<>();
        resolved
            .unresolved()
            .forEach((key, why) -> problems.add("config key '" + key + "': " + why));
        if (problems.isEmpty()) {
          problems.addAll(ClientChecks.problems(target, manifest.name(), resolved.config()));
        }
        if (!problems.isEmpty()) {
          // What apply would refuse before sending is refused here the same way (exit 2).
          Failures.Outcome failure =
              Failures.of(
                  "validate",
                  manifest.name(),
                  target,
                  CliException.usage(
                      String.join("; ", problems) + " (apply would refuse it; nothing was sent)"));
          codes.add(fail(failure));
          view.put("valid", false);
          view.put("error", Changes.error(failure));
          views.add(view);
          continue;
        }
        try {
          ConfigValidation result =
              client.validate(new ConnectorDefinition(manifest.name(), resolved.config()));
          view.put("plugin", result.plugin());
          view.put("valid", result.valid());
          view.put("errorCount", result.errorCount());
          List<Map<String, Object>> errors = new ArrayList<>();
          for (ConfigValidation.Field field : result.errors()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field.name());
            error.put("messages", field.errors());
            errors.add(error);
            field
                .errors()
                .forEach(message -> lines.add(label + ": " + field.name() + ": " + message));
          }
          view.put("errors", errors);
          if (result.valid()) {
            lines.add(label + ": valid (" + result.plugin() + ")");
            codes.add(ExitCode.OK);
          } else {
            lines.add(
                label
                    + ": "
                    + result.errorCount()
                    + " error"
                    + (result.errorCount() == 1 ? "" : "s"));
            codes.add(ExitCode.API_FAILED);
          }
        } catch (RuntimeException e) {
          Failures.Outcome failure = Failures.of("validate", manifest.name(), target, e);
          codes.add(fail(failure));
          view.put("valid", false);
          view.put("error", Changes.error(failure));
        }
        views.add(view);
      }
    }
    printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }
}
