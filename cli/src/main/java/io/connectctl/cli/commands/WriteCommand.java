package io.connectctl.cli.commands;

import io.connectctl.cli.options.DryRunOption;
import picocli.CommandLine.Mixin;

/**
 * A command that changes something: it takes {@code --dry-run}, which lists what it would change
 * and sends no write.
 */
abstract class WriteCommand extends BaseCommand {
  @Mixin DryRunOption dryRunOption;

  @Override
  public boolean dryRun() {
    return dryRunOption.given();
  }
}
