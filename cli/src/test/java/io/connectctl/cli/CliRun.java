package io.connectctl.cli;

import com.squareup.moshi.Moshi;
import io.connectctl.cli.client.ConnectorClientFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs connectctl through its real entry point ({@link ConnectCtl#run(String...)}) with captured
 * stdout and stderr. The one CLI harness of the test trees: the cli module's tests use it, and
 * other modules' tests through the cli's test-jar.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
public record CliRun(int exitCode, String out, String err) {

  /** What runs against a captured {@link CliEnvironment}, returning the exit code. */
  @FunctionalInterface
  public interface Body {
    /** Runs with {@code environment}'s streams and returns the exit code. */
    int run(CliEnvironment environment) throws Exception;
  }

  /**
   * Runs {@code connectctl args} with the variables {@code env}, the home directory {@code home}
   * and the factory {@code clients}; standard input is empty.
   */
  public static CliRun run(
      Map<String, String> env, Path home, ConnectorClientFactory clients, String... args) {
    return runWithInput(env, home, clients, "", args);
  }

  /** As {@link #run}, with {@code stdin} as standard input. */
  public static CliRun runWithInput(
      Map<String, String> env,
      Path home,
      ConnectorClientFactory clients,
      String stdin,
      String... args) {
    return capture(env, home, clients, stdin, environment -> new ConnectCtl(environment).run(args));
  }

  /**
   * Runs {@code body} (for example a part of the demo) against an environment built as {@link
   * #runWithInput} builds it, and captures what it writes.
   */
  public static CliRun capture(
      Map<String, String> env, Path home, ConnectorClientFactory clients, String stdin, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code;
      try {
        code =
            body.run(
                new CliEnvironment(
                        env, home, Path.of("..").toAbsolutePath().normalize(), o, e, clients)
                    .withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      } catch (RuntimeException failure) {
        throw failure;
      } catch (Exception failure) {
        throw new IllegalStateException(failure);
      }
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** stdout parsed as JSON (numbers as {@link Double}, as Moshi reads them). */
  public Object json() {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
    }
  }

  /** stdout parsed as a JSON object. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonObject() {
    return (Map<String, Object>) json();
  }

  /** stdout parsed as a JSON array of objects. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> jsonArray() {
    return (List<Map<String, Object>>) json();
  }

  /** The stderr lines. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
