package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.move.SnapshotFile;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.output.OutputFormat;
import io.connectctl.cli.output.Printer;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.move.OffsetSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code offsets export [NAME…|--selector REGEX|--all] [-o yaml|json] [-f FILE]}: the committed
 * offsets of the chosen connectors as one snapshot file ({@link SnapshotFile}), on stdout or in
 * {@code FILE}.
 */
@Command(
    name = "export",
    description =
        "Write the committed offsets of connectors (with name, context, vendor, type and when read) "
            + "as one file 'offsets import' takes back.")
final class OffsetsExportCommand extends BaseCommand {
  @Mixin NameSelection selection;

  @Option(names = "--all", description = "Every connector of the context.")
  boolean all;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Write the snapshot to FILE instead of stdout (YAML, or JSON with -o json).")
  Path file;

  @Override
  public Integer call() {
    selection.pattern();
    if (!all && selection.names().isEmpty() && selection.selector() == null) {
      throw CliException.usage("Give connector NAMEs, --selector REGEX or --all");
    }
    ConnectorClient client = client(Capability.OFFSETS, Capability.GET);
    Target target = target();
    List<String> names = new ArrayList<>();
    if (all) {
      for (ConnectorListing listing : client.listConnectors()) {
        names.add(listing.name());
      }
    } else {
      names.addAll(selection.resolve(client));
    }
    List<Integer> codes = new ArrayList<>();
    List<OffsetSnapshot> snapshots = new ArrayList<>();
    for (String name : names) {
      try {
        snapshots.add(OffsetSnapshot.read(client, name, target.context(), Clock.systemUTC()));
      } catch (RuntimeException e) {
        codes.add(fail(Failures.of("read offsets of", name, target, e)));
      }
    }
    boolean json = printer().format() == OutputFormat.JSON;
    Object doc = SnapshotFile.document(snapshots);
    String text = json ? Printer.json(doc) + "\n" : Printer.yaml(doc);
    if (file == null) {
      out().print(text);
      out().flush();
    } else {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw CliException.usage("Cannot write " + file + ": " + e.getMessage());
      }
      err().println("wrote offsets of " + snapshots.size() + " connector(s) to " + file);
    }
    codes.add(ExitCode.OK);
    return ExitCode.combine(codes);
  }
}
