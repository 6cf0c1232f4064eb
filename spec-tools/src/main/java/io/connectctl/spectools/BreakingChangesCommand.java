package io.connectctl.spectools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The breaking-change report, given the files to compare (the {@code spec-tools/breaking-changes}
 * script fetches a git ref's specs and builds its jars, then calls this):
 *
 * <pre>
 * breaking-changes [--spec NAME OLD.yaml NEW.yaml]... [--jar MODULE OLD.jar NEW.jar]... [--fail-on binary|source|never]
 *                  [--versions BASELINE_VERSION|@baseline.properties CURRENT_VERSION] [--hint TEXT]
 * </pre>
 *
 * With {@code --versions}, an incompatible module does not fail when the version was bumped for it
 * (another major version, or another minor version before 1.0).
 *
 * <p>Prints one verdict per spec (openapi-diff: no changes, compatible, breaking) and per module
 * (japicmp: compatible, source-incompatible, binary-incompatible) with the incompatible changes.
 * With {@code --fail-on binary} (what the build's facade check uses) it exits 1 when a module is
 * binary-incompatible.
 */
public final class BreakingChangesCommand {
  private BreakingChangesCommand() {}

  /** Runs the command; exits with its status. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command with the given streams.
   *
   * @return 0, 1 when {@code --fail-on} is met, 2 for bad usage
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String[]> specs = new ArrayList<>();
    List<String[]> jars = new ArrayList<>();
    String failOn = "never";
    String hint = "";
    String baselineVersion = "";
    String currentVersion = "";
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--spec" -> {
            specs.add(three(args, i, "--spec"));
            i += 3;
          }
          case "--jar" -> {
            jars.add(three(args, i, "--jar"));
            i += 3;
          }
          case "--fail-on" -> {
            if (i + 1 >= args.length
                || !List.of("binary", "source", "never").contains(args[i + 1])) {
              throw new IllegalArgumentException("--fail-on takes binary, source or never");
            }
            failOn = args[++i];
          }
          case "--versions" -> {
            if (i + 2 >= args.length) {
              throw new IllegalArgumentException(
                  "--versions takes BASELINE_VERSION CURRENT_VERSION");
            }
            baselineVersion = versionOf(args[++i]);
            currentVersion = args[++i];
          }
          case "--hint" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("--hint needs a text");
            }
            hint = args[++i];
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      if (specs.isEmpty() && jars.isEmpty()) {
        throw new IllegalArgumentException("nothing to compare: give --spec and/or --jar");
      }
      boolean fail = false;
      List<String> summary = new ArrayList<>();
      for (String[] s : specs) {
        SpecDiff.Result r = SpecDiff.compare(Path.of(s[1]), Path.of(s[2]));
        out.println("spec   " + s[0] + ": " + r.verdict());
        summary.add("spec   " + s[0] + ": " + r.verdict());
        if (!r.report().isBlank()) {
          r.report().lines().filter(l -> !l.isBlank()).forEach(l -> out.println("         " + l));
        }
      }
      for (String[] j : jars) {
        JavaApiDiff.Result r = JavaApiDiff.compare(Path.of(j[1]), Path.of(j[2]));
        out.println(
            "module "
                + j[0]
                + ": "
                + r.verdict().label()
                + " ("
                + r.modified()
                + " public classes changed)");
        summary.add("module " + j[0] + ": " + r.verdict().label());
        r.changes().forEach(c -> out.println("         " + c));
        boolean hit =
            switch (failOn) {
              case "binary" -> r.verdict() == JavaApiDiff.Verdict.BINARY_INCOMPATIBLE;
              case "source" -> r.verdict() != JavaApiDiff.Verdict.COMPATIBLE;
              default -> false;
            };
        if (hit && !baselineVersion.isEmpty() && bumped(baselineVersion, currentVersion)) {
          out.println(
              "         allowed: the version moved from "
                  + baselineVersion
                  + " to "
                  + currentVersion
                  + " (a new major version, or a new minor version before 1.0)");
          hit = false;
        }
        if (hit) {
          err.println(
              j[0]
                  + " is "
                  + r.verdict().label()
                  + " against "
                  + j[1]
                  + (hint.isEmpty() ? "" : ". " + hint));
          fail = true;
        }
      }
      if (summary.size() > 1) {
        out.println("== summary");
        summary.forEach(line -> out.println("   " + line));
      }
      return fail ? 1 : 0;
    } catch (IllegalArgumentException e) {
      err.println("breaking-changes: " + e.getMessage());
      return 2;
    }
  }

  /**
   * Whether {@code current} may break {@code baseline}: another major version, or another minor one
   * before 1.0.
   */
  static boolean bumped(String baseline, String current) {
    int[] a = majorMinor(baseline);
    int[] b = majorMinor(current);
    return a[0] != b[0] || (a[0] == 0 && a[1] != b[1]);
  }

  /** A version, or with {@code @FILE} the {@code version} of a properties file. */
  private static String versionOf(String arg) {
    if (!arg.startsWith("@")) {
      return arg;
    }
    java.util.Properties properties = new java.util.Properties();
    try (java.io.Reader reader = Files.newBufferedReader(Path.of(arg.substring(1)))) {
      properties.load(reader);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + arg.substring(1) + ": " + e.getMessage());
    }
    String version = properties.getProperty("version", "").trim();
    if (version.isEmpty()) {
      throw new IllegalArgumentException(arg.substring(1) + " has no 'version'");
    }
    return version;
  }

  private static int[] majorMinor(String version) {
    String[] parts = version.split("[.-]");
    try {
      return new int[] {
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a version: '" + version + "'");
    }
  }

  private static String[] three(String[] args, int i, String flag) {
    if (i + 3 >= args.length) {
      throw new IllegalArgumentException(flag + " takes NAME OLD NEW");
    }
    String[] v = {args[i + 1], args[i + 2], args[i + 3]};
    if (!Files.exists(Path.of(v[1]))) {
      throw new IllegalArgumentException(flag + " " + v[0] + ": no file " + v[1]);
    }
    if (!Files.exists(Path.of(v[2]))) {
      throw new IllegalArgumentException(flag + " " + v[0] + ": no file " + v[2]);
    }
    return v;
  }
}
