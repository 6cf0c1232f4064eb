package io.connectctl.cli;

import io.connectctl.cli.client.ConnectorClientFactory;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run of connectctl takes from outside, so tests and the demo can supply their own.
 *
 * @param env the environment variables (credentials, {@code CONNECTCTL_CONFIG})
 * @param home the user's home directory ({@code ~} in paths, the default config file)
 * @param installDir the connectctl checkout (the demo finds Prism and the specs there)
 * @param out standard output: results
 * @param err standard error: errors, progress, request logs
 * @param clients makes the vendor clients
 * @param in standard input ({@code apply -f -}, {@code diff -f -})
 * @param interactive whether a person is at a terminal (standard input and output are one): only
 *     then are confirmations asked for
 * @param errTerminal whether standard error is a terminal: only then is progress shown there
 */
public record CliEnvironment(
    Map<String, String> env,
    Path home,
    Path installDir,
    PrintStream out,
    PrintStream err,
    ConnectorClientFactory clients,
    InputStream in,
    boolean interactive,
    boolean errTerminal) {

  /** Validates and copies. */
  public CliEnvironment {
    env = Map.copyOf(env);
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(installDir, "installDir");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(clients, "clients");
    in = Objects.requireNonNullElse(in, InputStream.nullInputStream());
  }

  /**
   * A non-interactive environment (no terminal: confirmations are refused, not asked) with an empty
   * standard input.
   */
  public CliEnvironment(
      Map<String, String> env,
      Path home,
      Path installDir,
      PrintStream out,
      PrintStream err,
      ConnectorClientFactory clients) {
    this(env, home, installDir, out, err, clients, InputStream.nullInputStream(), false);
  }

  /** An environment whose standard error is a terminal exactly when it is {@code interactive}. */
  public CliEnvironment(
      Map<String, String> env,
      Path home,
      Path installDir,
      PrintStream out,
      PrintStream err,
      ConnectorClientFactory clients,
      InputStream in,
      boolean interactive) {
    this(env, home, installDir, out, err, clients, in, interactive, interactive);
  }

  /** The same environment reading standard input from {@code input}. */
  public CliEnvironment withInput(InputStream input) {
    return new CliEnvironment(
        env, home, installDir, out, err, clients, input, interactive, errTerminal);
  }

  /**
   * The real process: {@code System.getenv()}, {@code $HOME} (Java's {@code user.home} only when it
   * is unset), the install directory from the {@code connectctl.home} system property (set by the
   * {@code ./connectctl} script) or the working directory.
   */
  public static CliEnvironment system() {
    String installDir = System.getProperty("connectctl.home", "");
    return new CliEnvironment(
        System.getenv(),
        home(System.getenv(), System.getProperty("user.home")),
        (installDir.isBlank() ? Path.of("") : Path.of(installDir)).toAbsolutePath(),
        System.out,
        System.err,
        new VendorClientFactory(),
        System.in,
        System.console() != null,
        errIsTerminal());
  }

  /**
   * Whether this process's standard error is a terminal: on Linux, what {@code /proc/self/fd/2}
   * points at; elsewhere, whether the JVM has a console (standard input and output are a terminal).
   */
  static boolean errIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** The same, with other variables, streams and clients (the demo runs the CLI this way). */
  public CliEnvironment with(Map<String, String> env, ConnectorClientFactory clients) {
    return new CliEnvironment(
        env, home, installDir, out, err, clients, in, interactive, errTerminal);
  }

  /**
   * The home directory as CLI tools take it: {@code $HOME} when set (and absolute), else {@code
   * fallback}.
   */
  static Path home(Map<String, String> env, String fallback) {
    String home = env.get("HOME");
    return home != null && !home.isBlank() && Path.of(home).isAbsolute()
        ? Path.of(home)
        : Path.of(fallback);
  }
}
