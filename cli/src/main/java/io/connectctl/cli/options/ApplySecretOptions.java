package io.connectctl.cli.options;

import picocli.CommandLine.Option;

/** {@code apply --force}. */
public final class ApplySecretOptions {
  @Option(
      names = "--force",
      description =
          "Rewrite every declared secret even when its recorded fingerprint says the values are unchanged.")
  boolean force;

  /** Whether {@code --force} was given. */
  public boolean force() {
    return force;
  }
}
