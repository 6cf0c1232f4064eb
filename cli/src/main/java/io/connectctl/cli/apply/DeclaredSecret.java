package io.connectctl.cli.apply;

import io.connectctl.facade.SecretValues;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One secret an apply file declares, with its values already read from the environment variables
 * and files it names. {@link #toString()} shows the keys only.
 *
 * @param name the secret's name
 * @param labels the labels to set
 * @param values the values read at apply time
 * @param source the file that declares it
 */
public record DeclaredSecret(
    String name, Map<String, String> labels, SecretValues values, Path source) {
  /** Validates and copies. */
  public DeclaredSecret {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(source, "source");
  }
}
