package io.connectctl.cli.options;

import io.connectctl.cli.CliException;
import io.connectctl.cli.YamlInput;
import io.connectctl.cli.config.Paths;
import io.connectctl.facade.SecretValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where a secret's values come from: never the command line (arguments show in process listings and
 * shell history), only {@code --from-env KEY=VAR}, {@code --from-file KEY=PATH} ({@code PATH}
 * {@code -} is standard input) or, with neither, a YAML/JSON mapping of keys to values on standard
 * input. Every problem is exit 2 and names the key, the variable or the file, never a value.
 */
public final class SecretValueOptions {
  /** Keys a connector config can reference as {@code ${secretsManager:<secret>:<key>}}. */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  @Option(
      names = "--from-env",
      paramLabel = "KEY=VAR",
      description = "Secret key KEY takes the value of environment variable VAR (repeatable).")
  List<String> fromEnv = new ArrayList<>();

  @Option(
      names = "--from-file",
      paramLabel = "KEY=PATH",
      description =
          "Secret key KEY takes the content of file PATH, one trailing newline removed; PATH '-' reads "
              + "standard input (repeatable). With neither option, standard input holds a YAML/JSON mapping of keys "
              + "to values.")
  List<String> fromFile = new ArrayList<>();

  /**
   * The values, read now.
   *
   * @param env the environment variables
   * @param home for {@code ~} in paths
   * @param stdin standard input
   */
  public SecretValues read(Map<String, String> env, Path home, InputStream stdin) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean stdinUsed = false;
    for (String spec : fromEnv) {
      String[] kv = pair("--from-env", spec, "KEY=VAR");
      String value = env.get(kv[1]);
      if (value == null) {
        throw CliException.usage(
            "--from-env " + spec + ": environment variable " + kv[1] + " is not set");
      }
      put(values, "--from-env", kv[0], value);
    }
    for (String spec : fromFile) {
      String[] kv = pair("--from-file", spec, "KEY=PATH");
      String value;
      if (kv[1].equals("-")) {
        if (stdinUsed) {
          throw CliException.usage(
              "--from-file " + spec + ": standard input can feed only one key");
        }
        stdinUsed = true;
        value = trimNewline(readStdin(stdin));
      } else {
        value = readFile("--from-file " + spec, Paths.expand(kv[1], home));
      }
      put(values, "--from-file", kv[0], value);
    }
    if (fromEnv.isEmpty() && fromFile.isEmpty()) {
      values.putAll(mapping(readStdin(stdin)));
    }
    return SecretValues.of(values);
  }

  /**
   * The content of {@code file} with one trailing newline removed (exit 2 naming {@code what} if
   * unreadable).
   */
  public static String readFile(String what, Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage(what + ": file " + file + " does not exist");
    }
    try {
      return trimNewline(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.usage(
          what + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    } catch (java.io.UncheckedIOException e) {
      throw CliException.usage(what + ": " + file + " is not UTF-8 text");
    }
  }

  /** Checks a secret key. */
  public static void checkKey(String where, String key) {
    if (!KEY.matcher(key).matches()) {
      throw CliException.usage(
          where
              + ": secret key '"
              + key
              + "' is not allowed: use letters, digits, '.', '_'"
              + " and '-'");
    }
  }

  private static String[] pair(String flag, String spec, String form) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      // the text is not echoed: a value typed here by mistake must not reach the terminal or logs
      throw CliException.usage("Invalid value for " + flag + ": expected " + form);
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
  }

  private static void put(Map<String, String> values, String flag, String key, String value) {
    checkKey(flag, key);
    if (value.isEmpty()) {
      throw CliException.usage(flag + ": the value for secret key '" + key + "' is empty");
    }
    if (values.put(key, value) != null) {
      throw CliException.usage(flag + ": secret key '" + key + "' is given twice");
    }
  }

  private static String readStdin(InputStream stdin) {
    if (System.console() != null && stdin == System.in) {
      throw CliException.usage(
          "No secret values: give --from-env KEY=VAR, --from-file KEY=PATH, or pipe a YAML/JSON"
              + " mapping of keys to values into standard input");
    }
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.usage("Cannot read standard input (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Map<String, String> mapping(String text) {
    if (text.isBlank()) {
      throw CliException.usage(
          "No secret values: give --from-env KEY=VAR, --from-file KEY=PATH, or pipe a YAML/JSON"
              + " mapping of keys to values into standard input");
    }
    // the parser's message may quote the input, which holds secret values: not shown
    Object document =
        YamlInput.load(
            text,
            false,
            e ->
                CliException.usage(
                    "Standard input is not a YAML/JSON mapping of secret keys to values"));
    if (!(document instanceof Map<?, ?> map) || map.isEmpty()) {
      throw CliException.usage(
          "Standard input is not a YAML/JSON mapping of secret keys to values");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
        throw CliException.usage("Standard input: secret key '" + key + "' needs a text value");
      }
      put(values, "standard input", key, String.valueOf(e.getValue()));
    }
    return values;
  }

  private static String trimNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
