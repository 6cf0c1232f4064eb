package io.connectctl.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The data directory of the sandbox {@code local up} last started and {@code local down} has not
 * stopped since, so that {@code local status} and {@code local down} without {@code --dir} find a
 * sandbox started with {@code --dir}. Kept in {@code $XDG_STATE_HOME/connectctl/local-dir} (else
 * {@code ~/.local/state/connectctl/local-dir}), one absolute path. Best effort: a state file that
 * cannot be read or written means the default directory, never a failed command.
 */
public final class LastLocalDir {
  private LastLocalDir() {}

  /** The state file. */
  public static Path file(Map<String, String> env, Path home) {
    return io.connectctl.cli.config.Paths.stateDir(env, home).resolve("local-dir");
  }

  /** Remembers {@code dir} as the sandbox last started. */
  public static void remember(Map<String, String> env, Path home, Path dir) {
    Path file = file(env, home);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, dir.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      // status and down then look in the default directory, as they did before
    }
  }

  /** The sandbox last started, if one is remembered and its directory still exists. */
  public static Optional<Path> recall(Map<String, String> env, Path home) {
    try {
      String text = Files.readString(file(env, home), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Path dir = Path.of(text);
      return dir.isAbsolute() && Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Forgets {@code dir} if it is the one remembered (after {@code local down} stopped it). */
  public static void forget(Map<String, String> env, Path home, Path dir) {
    if (recall(env, home).filter(dir.toAbsolutePath().normalize()::equals).isPresent()) {
      try {
        Files.deleteIfExists(file(env, home));
      } catch (IOException e) {
        // a stale entry names a stopped sandbox; status then says so
      }
    }
  }
}
