package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.bulk.Waits;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.options.TimeoutOption;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wait NAME --for STATE [--timeout 5m]}: polls until each connector reaches STATE (exit 5
 * when time runs out, 1 when the connector fails first). JSON: the status reached (an array for
 * several names).
 */
@Command(name = "wait", description = "Wait until connectors reach a state (exit 5 on timeout).")
final class WaitCommand extends BaseCommand {
  @Mixin NameSelection selection;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "STATE",
      description = "The state to wait for: ${COMPLETION-CANDIDATES} (any case).")
  ConnectorState state;

  @Mixin TimeoutOption timeout;

  @Override
  public Integer call() {
    selection.check();
    ConnectorState wanted = state;
    Duration limit = timeout.value();
    ConnectorClient client = client(Capability.STATUS);
    Target target = target();
    List<String> names = selection.resolve(client);
    BulkResult<Waits.Done> results =
        Waits.run(this, names, Optional.of(limit), name -> client.waitFor(name, wanted));
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (BulkResult.Item<Waits.Done> item : results.items()) {
      Optional<Throwable> error =
          item.error()
              .<Throwable>map(e -> e)
              .or(() -> item.value().flatMap(Waits.Done::waitFailure).map(e -> e));
      if (error.isPresent()) {
        codes.add(fail(Failures.of("wait for", item.connector(), target, error.get())));
        continue;
      }
      codes.add(ExitCode.OK);
      Map<String, Object> view =
          item.value()
              .flatMap(Waits.Done::result)
              .flatMap(r -> r.status())
              .map(s -> Views.status(target, s))
              .orElseGet(
                  () -> {
                    Map<String, Object> header = Views.header(target, item.connector());
                    header.put("state", wanted.name());
                    return header;
                  });
      views.add(view);
      lines.add("connector/" + item.connector() + " is " + view.get("state"));
    }
    if (selection.single() && views.size() == 1) {
      printer().emit(views.get(0), out -> lines.forEach(out::println));
    } else if (!selection.single()) {
      printer().emit(views, out -> lines.forEach(out::println));
    }
    return ExitCode.combine(codes);
  }
}
