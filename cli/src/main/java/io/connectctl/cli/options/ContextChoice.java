package io.connectctl.cli.options;

import io.connectctl.cli.CliException;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.config.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --contexts a,b} or {@code --all-contexts}: the contexts of the config file a command works
 * on at once ({@code reconcile}). Kept apart, in this one class, so the cross-context options of
 * other commands can replace it.
 */
public final class ContextChoice {
  @Option(
      names = "--contexts",
      split = ",",
      paramLabel = "NAME[,NAME…]",
      description = "Work on these contexts of the config file (comma-separated; may repeat).")
  List<String> contexts;

  @Option(names = "--all-contexts", description = "Work on every context of the config file.")
  boolean all;

  /** Whether either flag was given. */
  public boolean given() {
    return all || contexts != null && !contexts.isEmpty();
  }

  /**
   * The chosen contexts, resolved (exit 2 for an unknown one, or for both flags); empty when
   * neither flag was given.
   */
  public List<Target> targets(CommandRun command) {
    if (all && contexts != null && !contexts.isEmpty()) {
      throw CliException.usage("--contexts and --all-contexts exclude each other: give one");
    }
    if (!command.targetFlags().context().isEmpty() && given()) {
      throw CliException.usage(
          "--context names one context; --contexts and --all-contexts name several: give one");
    }
    List<String> names = new ArrayList<>();
    if (all) {
      names.addAll(command.config().contexts().keySet());
      if (names.isEmpty()) {
        throw CliException.usage(
            "--all-contexts: " + command.config().path() + " defines no contexts");
      }
    } else if (contexts != null) {
      contexts.stream().map(String::trim).filter(c -> !c.isEmpty()).distinct().forEach(names::add);
    }
    List<Target> targets = new ArrayList<>();
    for (String name : names) {
      targets.add(
          TargetResolver.resolve(
              new TargetFlags(name, "", command.targetFlags().keys()), command::config));
    }
    return targets;
  }
}
