package io.connectctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads YAML (or JSON) that a user gave into plain maps, lists and scalars, never other types. */
public final class YamlInput {
  private YamlInput() {}

  /**
   * The document in {@code text} ({@code null} when it is empty).
   *
   * @param duplicateKeys whether a key may stand twice in one mapping (the last one wins)
   * @param failure the error to throw when {@code text} is not YAML; the parser's message may quote
   *     the input, so leave it out where the input can hold secrets
   */
  public static Object load(
      String text, boolean duplicateKeys, Function<YAMLException, CliException> failure) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(duplicateKeys);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw failure.apply(e);
    }
  }

  /**
   * The text of {@code file}, which the user named as a {@code what} (e.g. {@code offsets file}).
   *
   * @throws CliException a usage error (exit 2) saying why the file cannot be read
   */
  public static String readFile(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(file, what, e);
    }
  }

  /** The usage error for a {@code what} at {@code file} that could not be read. */
  public static CliException unreadable(Path file, String what, IOException e) {
    return CliException.usage(
        "Cannot read "
            + what
            + " "
            + file
            + ": "
            + (Files.exists(file) ? e.getMessage() : "it does not exist"));
  }

  /**
   * As {@link #load}, for a file the user gave: a parse failure is the usage error {@code "<label>
   * is not valid <format>: <parser's message on one line>"}.
   */
  public static Object loadFile(String text, boolean duplicateKeys, String label, String format) {
    return load(
        text,
        duplicateKeys,
        e ->
            CliException.usage(
                label + " is not valid " + format + ": " + e.getMessage().replaceAll("\\s+", " ")));
  }
}
