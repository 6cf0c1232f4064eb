package io.connectctl.cli.config;

import java.nio.file.Path;
import java.util.Map;

/** File paths as users write them in flags and config files. */
public final class Paths {
  private Paths() {}

  /** {@code path} with a leading {@code ~} replaced by {@code home}. */
  public static Path expand(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  /**
   * connectctl's state directory: {@code $XDG_STATE_HOME/connectctl} when that variable holds an
   * absolute path, else {@code HOME/.local/state/connectctl}.
   */
  public static Path stateDir(Map<String, String> env, Path home) {
    return xdg(env, home, "XDG_STATE_HOME", ".local/state");
  }

  /**
   * connectctl's data directory: {@code $XDG_DATA_HOME/connectctl} when that variable holds an
   * absolute path, else {@code HOME/.local/share/connectctl}.
   */
  public static Path dataDir(Map<String, String> env, Path home) {
    return xdg(env, home, "XDG_DATA_HOME", ".local/share");
  }

  private static Path xdg(Map<String, String> env, Path home, String variable, String fallback) {
    String value = env.getOrDefault(variable, "");
    Path base =
        value != null && !value.isBlank() && Path.of(value).isAbsolute()
            ? Path.of(value)
            : home.resolve(fallback);
    return base.resolve("connectctl");
  }
}
