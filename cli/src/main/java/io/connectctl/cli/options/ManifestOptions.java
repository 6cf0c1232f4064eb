package io.connectctl.cli.options;

import io.connectctl.cli.CommandRun;
import io.connectctl.cli.apply.Manifest;
import io.connectctl.cli.apply.Manifests;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code -f FILE|DIR|- … [--recursive]}: where {@code apply} and {@code diff} read connectors from.
 */
public final class ManifestOptions {
  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "A connector file ({name, config}, a list, a JSON array or a multi-document YAML stream), a "
              + "directory of .yaml/.yml/.json files, or - for standard input. May repeat.")
  List<Path> files;

  @Option(
      names = {"-R", "--recursive"},
      description = "Also read the subdirectories of each directory given.")
  boolean recursive;

  /** Every connector of every source, checked (exit 2 for bad input, naming the file). */
  public List<Manifest> read(CommandRun command) {
    return Manifests.read(files, recursive, command.environment().in());
  }
}
