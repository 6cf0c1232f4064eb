package io.connectctl.cli;

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
}
