package io.connectctl.cli.config;

import java.nio.file.Path;

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
}
