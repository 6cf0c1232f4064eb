package io.connectctl.cli.reconcile;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The state directory's locks: one file per context ({@code reconcile-CONTEXT.lock}), held with an
 * OS file lock while {@code reconcile} runs, so a second instance on any of the same contexts stops
 * at once (exit {@link ExitCode#LOCKED}) instead of fighting the first. The OS releases the locks
 * when the process dies, so a crash leaves nothing to clean up.
 */
final class StateLock implements AutoCloseable {
  private final List<FileChannel> channels;

  private StateLock(List<FileChannel> channels) {
    this.channels = channels;
  }

  /**
   * {@code --state-dir}, else {@code $XDG_STATE_HOME/connectctl} (when absolute), else {@code
   * HOME/.local/state/connectctl}.
   */
  static Path directory(String explicit, Map<String, String> env, Path home) {
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return io.connectctl.cli.config.Paths.stateDir(env, home);
  }

  /** Locks every context of {@code contexts} in {@code dir}, or fails naming the one held. */
  static StateLock acquire(Path dir, List<String> contexts) {
    List<FileChannel> held = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String context : new TreeSet<>(contexts)) {
        Path file = dir.resolve("reconcile-" + fileName(context) + ".lock");
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          channel.close();
          throw new CliException(
              ExitCode.LOCKED,
              "another reconcile already works on context '"
                  + context
                  + "' (it holds "
                  + file
                  + "); run one instance per set of contexts");
        }
        held.add(channel);
        channel.truncate(0);
        channel.write(
            StandardCharsets.UTF_8.encode(
                "pid " + ProcessHandle.current().pid() + " context " + context + "\n"));
      }
      return new StateLock(held);
    } catch (IOException e) {
      closeAll(held);
      throw CliException.usage(
          "Cannot lock the state directory " + dir + ": " + e.getMessage() + " (--state-dir)");
    } catch (RuntimeException e) {
      closeAll(held);
      throw e;
    }
  }

  /** A context name as a file name: characters outside [A-Za-z0-9._-] become {@code _XX}. */
  static String fileName(String context) {
    StringBuilder b = new StringBuilder();
    for (char c : context.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-') {
        b.append(c);
      } else {
        b.append('_').append(String.format("%02x", (int) c));
      }
    }
    return b.toString();
  }

  private static void closeAll(List<FileChannel> channels) {
    for (FileChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // releasing is best effort
      }
    }
  }

  @Override
  public void close() {
    closeAll(channels);
  }
}
