package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.move.Renames;
import io.connectctl.cli.move.SnapshotFile;
import io.connectctl.cli.options.TimeoutOption;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.move.OffsetRestore;
import io.connectctl.facade.move.OffsetSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code offsets import -f FILE [--rename OLD=NEW…] [--stop] [--dry-run]}: writes a snapshot file's
 * offsets into the connectors of the current context. Every connector is reported: JSON {@code
 * [{name, context, vendor, action: "import-offsets", ok, outcome, partitions, stopped, dryRun,
 * error}]}.
 */
@Command(
    name = "import",
    description =
        "Write offsets from an 'offsets export' file into connectors (each must be STOPPED, "
            + "or --stop stops it first and resumes it after); read back and compared.")
final class OffsetsImportCommand extends WriteCommand {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "The file 'offsets export' wrote ('-': standard input).")
  Path file;

  @Option(
      names = "--rename",
      paramLabel = "OLD=NEW",
      description = "Write OLD's offsets into connector NEW (repeatable).")
  List<String> renames = new ArrayList<>();

  @Option(
      names = "--stop",
      description = "Stop a connector that is not STOPPED first, and resume it after.")
  boolean stop;

  @Mixin TimeoutOption timeoutOption;

  @Override
  public Integer call() {
    Map<String, String> rename = Renames.parse(renames);
    Target target = target();
    // refuse before reading anything else or sending when the backend has no offsets API
    OffsetRestore.check(VendorDescriptions.of(target.vendor()).capabilities(), stop);
    List<OffsetSnapshot> snapshots = SnapshotFile.read(file, environment().in());
    ConnectorClient client = client();
    OffsetRestore.check(client.capabilities(), stop);
    List<Map<String, Object>> views = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    Table table = new Table("CONNECTOR", "RESULT", "PARTITIONS", "MESSAGE");
    for (OffsetSnapshot read : snapshots) {
      OffsetSnapshot snapshot =
          read.renamed(rename.getOrDefault(read.connector(), read.connector()));
      String name = snapshot.connector();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", name);
      view.put("context", target.context());
      view.put("vendor", target.vendor().id());
      view.put("action", "import-offsets");
      view.put("partitions", snapshot.offsets().size());
      view.put("dryRun", dryRun());
      try {
        OffsetRestore.Result result;
        if (dryRun()) {
          boolean stopped = client.status(name).state() == ConnectorState.STOPPED;
          result =
              new OffsetRestore.Result(
                  name,
                  stopped || stop
                      ? OffsetRestore.Outcome.RESTORED
                      : OffsetRestore.Outcome.NOT_STOPPED,
                  snapshot.offsets().size(),
                  !stopped && stop,
                  stopped || stop
                      ? "would restore "
                          + snapshot.offsets().size()
                          + " partition(s)"
                          + (stopped ? "" : " (stopping and resuming it)")
                          + " (dry run)"
                      : "is not STOPPED; use --stop or stop it first (dry run)");
        } else {
          result = OffsetRestore.restore(client, snapshot, stop, timeoutOption.value());
        }
        view.put("ok", result.ok());
        view.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        view.put("stopped", result.stopped());
        view.put("error", result.ok() ? null : Map.of("message", result.message()));
        table.row(name, view.get("outcome").toString(), "" + result.partitions(), result.message());
        codes.add(result.ok() ? ExitCode.OK : ExitCode.API_FAILED);
        if (!result.ok()) {
          err().println("error: connector '" + name + "': " + result.message());
        }
      } catch (RuntimeException e) {
        Failures.Outcome outcome = Failures.of("import offsets into", name, target, e);
        codes.add(fail(outcome));
        view.put("ok", false);
        view.put("outcome", "failed");
        view.put("error", Map.of("message", outcome.line()));
        table.row(name, "failed", "" + snapshot.offsets().size(), outcome.line());
      }
      views.add(view);
    }
    printer().emit(views, table::print);
    codes.add(ExitCode.OK);
    return ExitCode.combine(codes);
  }
}
