package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
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
    io.connectctl.cli.vendors.VendorDescriptions.of(target().vendor())
        .capabilities()
        .require(Capability.VALIDATE);
    List<Manifest> manifests = Manifests.read(files);
    ConnectorClient client = client(Capability.VALIDATE);
    Target target = target();
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Manifest manifest : manifests) {
      Map<String, Object> view = Views.header(target, manifest.name());
      try {
        ConfigValidation result =
            client.validate(new ConnectorDefinition(manifest.name(), manifest.config()));
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
              .forEach(
                  message -> lines.add(manifest.name() + ": " + field.name() + ": " + message));
        }
        view.put("errors", errors);
        if (result.valid()) {
          lines.add(manifest.name() + ": valid (" + result.plugin() + ")");
          codes.add(ExitCode.OK);
        } else {
          lines.add(
              manifest.name()
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
    printer().emit(views, out -> lines.forEach(out::println));
    return ExitCode.combine(codes);
  }
}
