package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.Durations;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wait NAME --for STATE [--timeout 5m]}: polls until each connector reaches STATE (exit 5 when time runs
 * out, 1 when the connector fails first). JSON: the status reached (an array for several names).
 */
@Command(name = "wait", description = "Wait until connectors reach a state (exit 5 on timeout).")
final class WaitCommand extends BaseCommand {
  @Mixin
  NameSelection selection;

  @Option(names = "--for", required = true, paramLabel = "STATE",
      description = "The state to wait for: RUNNING, PAUSED, STOPPED, FAILED, DEGRADED, …")
  String state;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
      description = "How long to wait (e.g. 30s, 5m, 1h; default ${DEFAULT-VALUE}).")
  String timeout;

  @Override
  public Integer call() {
    selection.check();
    ConnectorState wanted = parseState(state);
    Duration limit = Durations.parse(timeout, "--timeout");
    ConnectorClient client = client(Capability.STATUS);
    Target target = target();
    List<String> names = selection.resolve(client);
    BulkResult<ChangeResult> results = Bulk.apply(names, Changes.CONCURRENCY, name -> {
      err().println("waiting up to " + Durations.format(limit) + " for connector '" + name + "' to be " + wanted + " …");
      return client.waitFor(name, wanted).await(limit, seen -> err().println("  " + name + ": " + seen));
    });
    List<Integer> codes = new ArrayList<>();
    List<Map<String, Object>> views = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (BulkResult.Item<ChangeResult> item : results.items()) {
      if (item.error().isPresent()) {
        codes.add(fail(Failures.of("wait for", item.connector(), target, item.error().get())));
        continue;
      }
      codes.add(ExitCode.OK);
      ChangeResult result = item.value().orElseThrow();
      Map<String, Object> view = result.status().map(s -> Views.status(target, s)).orElseGet(() -> {
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

  private static ConnectorState parseState(String value) {
    try {
      return ConnectorState.valueOf(value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("Invalid value for --for: '" + value + "' (expected one of "
          + Arrays.stream(ConnectorState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }
}
