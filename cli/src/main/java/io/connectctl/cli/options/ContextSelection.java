package io.connectctl.cli.options;

import io.connectctl.cli.CliException;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.TargetFlags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/**
 * Which contexts a command spans: {@code --all-contexts}, {@code --contexts a,b,c} and {@code
 * --context-selector REGEX}, and how many of them are worked on at once ({@code --parallel N}).
 * Without any of the three the command works on its one target ({@code --context}, else the current
 * context), as before. {@link io.connectctl.cli.fleet.ContextFleet} runs the work.
 */
public final class ContextSelection {
  /**
   * The default of {@code --parallel}: a run waits on the network almost all the time, so a thread
   * per context costs little (its stack and one small connection pool), while a fleet of a few
   * dozen contexts then takes one round trip rather than several.
   */
  public static final int DEFAULT_PARALLEL = 32;

  @Option(
      names = {"-A", "--all-contexts"},
      description = "Every context of the config file (in the file's order).")
  boolean all;

  @Option(
      names = "--contexts",
      split = ",",
      paramLabel = "NAME",
      description = "These contexts (comma-separated), in the config file's order.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--context-selector",
      paramLabel = "REGEX",
      description = "Every context whose name matches REGEX (searched, not anchored).")
  String selector;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_PARALLEL,
      description = "Work on at most N contexts at once (default ${DEFAULT-VALUE}).")
  int parallel;

  /** Whether any of {@code --all-contexts}, {@code --contexts}, {@code --context-selector}. */
  public boolean given() {
    return all || !names.isEmpty() || selector != null;
  }

  /** {@code --parallel}, checked (exit 2 when below 1). */
  public int parallel() {
    if (parallel < 1) {
      throw CliException.usage("Invalid value for --parallel: must be at least 1, was " + parallel);
    }
    return parallel;
  }

  /**
   * The selected context names: the usable contexts in the config file's order, then any context
   * named or matched that could not be read (it fails on its own when used). Checked before
   * anything is sent.
   *
   * @throws CliException (exit 2) when combined with {@code --context}, {@code --vendor} or a key
   *     flag, for an unknown name, a selector that is not a regex or matches nothing, or a file
   *     without contexts
   */
  public List<String> contexts(CommandRun run) {
    TargetFlags flags = run.targetFlags();
    if (!flags.vendor().isEmpty() || !flags.context().isEmpty() || !flags.keys().isEmpty()) {
      throw CliException.usage(
          flagNames()
              + " choose contexts of the config file; they cannot be combined with --context,"
              + " --vendor or "
              + (flags.keys().isEmpty()
                  ? "the target flags"
                  : String.join(", ", flags.fieldFlags().keySet())));
    }
    if (all && (!names.isEmpty() || selector != null)) {
      throw CliException.usage(
          "--all-contexts takes every context; leave out --contexts and --context-selector");
    }
    parallel();
    ConfigFile config = run.config();
    List<String> known = new ArrayList<>(config.contexts().keySet());
    known.addAll(config.invalid().keySet());
    if (known.isEmpty()) {
      throw CliException.usage(
          flagNames() + ": the config file " + config.path() + " defines no contexts");
    }
    if (all) {
      return List.copyOf(known); // a context that could not be read fails on its own
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String name : names) {
      String trimmed = name.trim();
      if (!known.contains(trimmed)) {
        throw CliException.usage(
            "Unknown context '"
                + trimmed
                + "' in --contexts (the config file "
                + config.path()
                + " has: "
                + String.join(", ", known)
                + ")");
      }
      wanted.add(trimmed);
    }
    if (selector != null) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(selector);
      } catch (PatternSyntaxException e) {
        throw CliException.usage(
            "Invalid value for --context-selector: '"
                + selector
                + "' is not a regular expression: "
                + e.getDescription());
      }
      List<String> matched = known.stream().filter(n -> pattern.matcher(n).find()).toList();
      if (matched.isEmpty()) {
        throw CliException.usage(
            "--context-selector '"
                + selector
                + "' matches no context of "
                + config.path()
                + " (it has: "
                + String.join(", ", known)
                + ")");
      }
      wanted.addAll(matched);
    }
    return known.stream().filter(wanted::contains).toList();
  }

  private String flagNames() {
    return all
        ? "--all-contexts"
        : selector != null && names.isEmpty() ? "--context-selector" : "--contexts";
  }
}
