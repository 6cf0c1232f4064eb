package io.connectctl.cli.options;

import io.connectctl.cli.plan.ApplyPlanner;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** {@code --prune --selector REGEX} for {@code apply} and {@code diff}. */
public final class PruneOptions {
  @Option(
      names = "--prune",
      description =
          "Also delete the connectors that match --selector and that the files do "
              + "not declare (in each context the files are applied to).")
  boolean prune;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "REGEX",
      description =
          "With --prune: the connectors it may delete (names searched, not anchored: use ^…$ for whole "
              + "names). Required with --prune.")
  String selector;

  /**
   * The selector when {@code --prune} was given (exit 2 when one is given without the other, or a
   * bad regex).
   */
  public Optional<Pattern> selector() {
    return ApplyPlanner.pruneSelector(prune, selector);
  }
}
