package io.connectctl.cli;

import com.squareup.moshi.Moshi;
import io.connectctl.cli.client.ConnectorClientFactory;
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
 * stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out what went to stdout
 * @param err what went to stderr
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(
      Map<String, String> env, Path home, ConnectorClientFactory clients, String... args) {
    return runWithInput(env, home, clients, "", args);
  }

  /** As {@link #run}, with {@code stdin} as standard input. */
  static CliRun runWithInput(
      Map<String, String> env,
      Path home,
      ConnectorClientFactory clients,
      String stdin,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code =
          new ConnectCtl(
                  new CliEnvironment(
                      env,
                      home,
                      Path.of("..").toAbsolutePath().normalize(),
                      o,
                      e,
                      clients,
                      new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
              .run(args);
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** stdout parsed as JSON. */
  Object json() {
    try {
      return new Moshi.Builder().build().adapter(Object.class).fromJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> jsonObject() {
    return (Map<String, Object>) json();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> jsonArray() {
    return (List<Map<String, Object>>) json();
  }

  /** The stderr lines. */
  List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
