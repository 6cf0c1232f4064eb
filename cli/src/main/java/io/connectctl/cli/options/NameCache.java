package io.connectctl.cli.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The connector names the last {@code get connectors} listed in each context, for shell completion
 * ({@link CompletionScript}): one file per context under {@code $XDG_CACHE_HOME/connectctl/names/}
 * (else {@code ~/.cache/…}), one name a line. It holds names only, never a config value, and the
 * completion ignores a file older than {@link #TTL}. Writing is best effort: a cache that cannot be
 * written never fails a command.
 */
public final class NameCache {
  /** How long a listing is offered for completion. */
  public static final Duration TTL = Duration.ofMinutes(5);

  private NameCache() {}

  /** The cache file of {@code context}. */
  public static Path file(Map<String, String> env, Path home, String context) {
    String base = env.getOrDefault("XDG_CACHE_HOME", "");
    Path dir = base.isEmpty() ? home.resolve(".cache") : Path.of(base);
    return dir.resolve("connectctl")
        .resolve("names")
        .resolve(context.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** Replaces the names kept for {@code context} with {@code names}. */
  public static void write(Map<String, String> env, Path home, String context, List<String> names) {
    if (context.isEmpty()) {
      return;
    }
    Path file = file(env, home, context);
    try {
      Files.createDirectories(file.getParent());
      // a name of its own per process, without the SecureRandom a createTempFile starts
      Path temp =
          file.resolveSibling(
              "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.writeString(
          temp, names.isEmpty() ? "" : String.join("\n", names) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // completion is a convenience: a read-only or missing cache directory changes nothing else
    }
  }
}
