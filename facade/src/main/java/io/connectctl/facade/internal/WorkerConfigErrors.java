package io.connectctl.facade.internal;

import io.connectctl.facade.errors.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API: the list of config errors a Kafka Connect worker writes into the message of a 400 when
 * it refuses a connector config (also relayed by APIs in front of a worker, behind a prefix such as
 * Redpanda's {@code failed to create connector: }):
 *
 * <pre>
 * Connector configuration is invalid and contains the following 2 error(s):
 * Invalid value x for configuration tasks.max: Not a number of type INT
 * Missing required configuration "file" which has no default value.
 * You can also find the above list of errors at the endpoint `/connector-plugins/…/config/validate`
 * </pre>
 *
 * Each line becomes one {@link FieldViolation}: the field from {@code for configuration KEY} or
 * {@code configuration "KEY"}, the description without the value (which may be a secret); a line
 * naming no field (a connector's own check, e.g. {@code Must configure one of topics or
 * topics.regex}) keeps its text with an empty field. Lines the worker repeats are listed once.
 *
 * @param summary the message up to the list, without its colon
 * @param violations one per listed error
 */
record WorkerConfigErrors(String summary, List<FieldViolation> violations) {
  private static final Pattern HEADER =
      Pattern.compile(
          "Connector configuration is invalid and contains the following \\d+ error\\(s\\):");
  private static final Pattern INVALID =
      Pattern.compile("(?s)Invalid value .* for configuration ([^\\s:]+)(?:: ([^\\n]*))?");
  private static final Pattern MISSING =
      Pattern.compile("Missing required configuration \"([^\"]+)\" which has no default value\\.?");
  private static final String FOOTER = "You can also find the above list of errors";

  /** The list in {@code message}, when it holds one. */
  static Optional<WorkerConfigErrors> parse(String message) {
    Matcher header = message == null ? null : HEADER.matcher(message);
    if (header == null || !header.find()) {
      return Optional.empty();
    }
    Set<FieldViolation> found = new LinkedHashSet<>();
    String pending = null;
    for (String line : message.substring(header.end()).split("\n")) {
      if (pending != null) {
        line = pending + "\n" + line;
        pending = null;
      }
      if (line.startsWith(FOOTER)) {
        break;
      }
      Matcher invalid = INVALID.matcher(line);
      Matcher missing = MISSING.matcher(line.strip());
      if (invalid.matches()) {
        String why = invalid.group(2);
        found.add(
            new FieldViolation(
                invalid.group(1), why == null || why.isBlank() ? "invalid value" : why.strip()));
      } else if (line.startsWith("Invalid value ")) {
        pending = line; // a value spanning lines: the rest follows
      } else if (missing.matches()) {
        found.add(new FieldViolation(missing.group(1), "required, and has no default value"));
      } else if (!line.isBlank()) {
        found.add(new FieldViolation("", line.strip()));
      }
    }
    if (pending != null) {
      found.add(new FieldViolation("", "invalid value (not shown)"));
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String summary = message.substring(0, header.end() - 1);
    return Optional.of(new WorkerConfigErrors(summary, new ArrayList<>(found)));
  }
}
