package io.connectctl.cli.move;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where {@code migrate} keeps each migration's state file: {@code
 * $XDG_STATE_HOME/connectctl/migrations/} when that variable holds an absolute path, else {@code
 * ~/.local/state/connectctl/migrations/}; one file per source context, target context and
 * connector.
 */
public final class MigrationStates {
  private MigrationStates() {}

  /** The state file of migrating {@code name} from context {@code from} to {@code to}. */
  public static Path file(Map<String, String> env, Path home, String from, String to, String name) {
    return io.connectctl.cli.config.Paths.stateDir(env, home)
        .resolve("migrations")
        .resolve(safe(from) + "--" + safe(to) + "--" + safe(name) + ".properties");
  }

  private static String safe(String part) {
    return part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
  }
}
