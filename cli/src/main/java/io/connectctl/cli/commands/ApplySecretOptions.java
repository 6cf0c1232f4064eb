package io.connectctl.cli.commands;

import picocli.CommandLine.Option;

/** {@code apply --force}. */
final class ApplySecretOptions {
  @Option(
      names = "--force",
      description =
          "Rewrite every declared secret even when its recorded fingerprint says the values are unchanged.")
  boolean force;
}
