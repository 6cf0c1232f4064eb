package io.connectctl.cli.commands;

import io.connectctl.cli.CliException;
import io.connectctl.cli.config.Paths;
import io.connectctl.cli.local.LastLocalDir;
import io.connectctl.cli.local.LocalSandbox;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code local}: a real single-node Kafka and Kafka Connect worker on this machine, as a sandbox
 * ({@code local up}, {@code local status}, {@code local down}). Kafka runs in child JVMs from the
 * checkout's {@code local-cluster/target/kafka-lib}, never on connectctl's own classpath.
 */
@Command(
    name = "local",
    description = "Run a real Kafka and Kafka Connect worker on this machine (up, status, down).",
    subcommands = {LocalUpCommand.class, LocalStatusCommand.class, LocalDownCommand.class})
final class LocalCommand extends BaseCommand {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public Integer call() {
    throw CliException.usage("Missing command: local up, local status or local down");
  }

  /** What the three {@code local} commands share: {@code --dir} and the cluster it names. */
  abstract static class LocalBase extends BaseCommand
      implements io.connectctl.cli.output.NamelessOutput {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description =
            "Where the cluster keeps its data, configuration and logs between runs "
                + "(default: $XDG_DATA_HOME/connectctl/local, else ~/.local/share/connectctl/local; "
                + "status and down: the directory local up last started, until local down stops it).")
    String dir;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    /**
     * The data directory: {@code --dir}; else, for status and down, the sandbox {@code local up}
     * last started ({@link LastLocalDir}); else the default under the user's data directory.
     */
    Path dataDir() {
      Map<String, String> env = root().environment().env();
      Path home = root().environment().home();
      if (dir != null) {
        if (dir.isBlank()) {
          throw CliException.usage("--dir must name a directory");
        }
        return Paths.expand(dir, home).toAbsolutePath().normalize();
      }
      if (followsLastUp()) {
        Optional<Path> last = LastLocalDir.recall(env, home);
        if (last.isPresent()) {
          return last.get();
        }
      }
      return Paths.dataDir(env, home).resolve("local");
    }

    /** Whether, without {@code --dir}, this command uses the sandbox last started. */
    boolean followsLastUp() {
      return true;
    }

    /**
     * The cluster in {@link #dataDir()}, not tied to this run: it keeps running after connectctl
     * exits. Progress goes to stderr.
     */
    LocalSandbox sandbox() {
      return new LocalSandbox(
          dataDir(), root().environment().installDir(), line -> err().println(line));
    }
  }
}
