package io.connectctl.cli.options;

import io.connectctl.cli.CliException;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Connector names given on the line, plus {@code --selector REGEX} matched against the listed
 * connectors.
 */
public final class NameSelection {
  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Connector names.")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "REGEX",
      description =
          "Also every connector whose name matches REGEX (searched, not anchored: use ^…$ for whole names).")
  String selector;

  /** The names given on the line, in order. */
  public List<String> names() {
    return names;
  }

  /** {@code --selector}, or null when not given. */
  public String selector() {
    return selector;
  }

  /**
   * Whether exactly one name was given and no selector: the result prints as one object rather than
   * a list.
   */
  public boolean single() {
    return names.size() == 1 && selector == null;
  }

  /**
   * The names given plus those matching the selector, in that order, without repeats.
   *
   * @throws CliException (exit 2) when neither names nor a selector were given, or the selector is
   *     not a regex
   */
  public List<String> resolve(ConnectorClient client) {
    Pattern pattern = pattern();
    if (names.isEmpty() && pattern == null) {
      throw CliException.usage("Give at least one connector NAME or --selector REGEX");
    }
    Set<String> all = new LinkedHashSet<>(names);
    if (pattern != null) {
      for (ConnectorStatus status : client.listStatuses()) {
        if (pattern.matcher(status.name()).find()) {
          all.add(status.name());
        }
      }
    }
    return List.copyOf(all);
  }

  /**
   * Fails (exit 2) before anything is resolved or sent when neither names nor a valid selector were
   * given.
   */
  public void check() {
    if (pattern() == null && names.isEmpty()) {
      throw CliException.usage("Give at least one connector NAME or --selector REGEX");
    }
  }

  /** The compiled selector, or null when none was given. */
  public Pattern pattern() {
    return selector == null ? null : compile(selector);
  }

  /**
   * Compiles a {@code --selector} value.
   *
   * @throws CliException (usage) naming the flag and what is wrong with the expression
   */
  public static Pattern compile(String selector) {
    try {
      return Pattern.compile(selector);
    } catch (PatternSyntaxException e) {
      throw CliException.usage(
          "Invalid value for --selector: '"
              + selector
              + "' is not a regular expression: "
              + e.getDescription());
    }
  }
}
