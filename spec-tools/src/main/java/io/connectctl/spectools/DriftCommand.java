package io.connectctl.spectools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec-tools/drift}: compares each curated spec in {@code specs/} with the vendor's own
 * definition and prints what differs, per vendor. The vendors are the entries of {@code
 * specs/drift/sources.yaml} (adding a vendor is one entry there); deliberate deviations are listed
 * in {@code specs/drift/deviations.yaml}.
 *
 * <pre>
 * drift [--repo DIR] [--vendor NAME]... [--source NAME=PATH]... [--fail-on-drift]
 * </pre>
 *
 * Exit status: 0, or 1 with {@code --fail-on-drift} when a finding is not a listed deviation; 2 for
 * bad usage.
 */
public final class DriftCommand {
  private DriftCommand() {}

  /** Runs the command; see the class comment. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command with the given streams.
   *
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path repo = Path.of("").toAbsolutePath();
    List<String> only = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    boolean failOnDrift = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--repo" -> repo = Path.of(value(args, ++i, "--repo")).toAbsolutePath();
          case "--vendor" -> only.add(value(args, ++i, "--vendor"));
          case "--source" -> {
            String v = value(args, ++i, "--source");
            int eq = v.indexOf('=');
            if (eq <= 0) {
              throw new IllegalArgumentException("--source takes NAME=PATH, got '" + v + "'");
            }
            sources.put(v.substring(0, eq), v.substring(eq + 1));
          }
          case "--fail-on-drift" -> failOnDrift = true;
          case "-h", "--help" -> {
            out.println(
                "usage: drift [--repo DIR] [--vendor NAME]... [--source NAME=PATH]... [--fail-on-drift]");
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      Path registry = repo.resolve("specs/drift/sources.yaml");
      if (!Files.isRegularFile(registry)) {
        throw new IllegalArgumentException(
            "no " + registry + " (use --repo to point at the repository)");
      }
      Map<String, Object> vendors = Yamls.map(Yamls.read(registry).get("vendors"));
      for (String name : only) {
        if (!vendors.containsKey(name)) {
          throw new IllegalArgumentException(
              "--vendor " + name + ": not in " + registry + " (known: " + vendors.keySet() + ")");
        }
      }
      for (String name : sources.keySet()) {
        if (!vendors.containsKey(name)) {
          throw new IllegalArgumentException(
              "--source " + name + "=…: not in " + registry + " (known: " + vendors.keySet() + ")");
        }
      }
      Deviations deviations = Deviations.read(repo.resolve("specs/drift/deviations.yaml"));
      int drift = 0;
      for (Map.Entry<String, Object> vendor : vendors.entrySet()) {
        if (!only.isEmpty() && !only.contains(vendor.getKey())) {
          continue;
        }
        drift +=
            DriftReport.vendor(
                repo,
                vendor.getKey(),
                Yamls.map(vendor.getValue()),
                sources.get(vendor.getKey()),
                deviations,
                out);
      }
      return failOnDrift && drift > 0 ? 1 : 0;
    } catch (IllegalArgumentException e) {
      err.println("drift: " + e.getMessage());
      return 2;
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
