package io.connectctl.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --dry-run} of a command that changes something: list what it would touch, write nothing.
 */
public final class DryRunOption {
  @Option(
      names = "--dry-run",
      description = "List what would be changed, and change nothing (reads still happen).")
  boolean dryRun;

  /** Whether {@code --dry-run} was given. */
  public boolean given() {
    return dryRun;
  }
}
