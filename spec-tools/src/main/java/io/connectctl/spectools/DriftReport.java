package io.connectctl.spectools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The drift report of one vendor entry of {@code specs/drift/sources.yaml}. */
final class DriftReport {
  private DriftReport() {}

  /**
   * Prints the report of one vendor.
   *
   * @param entry the vendor's entry: {@code spec}, {@code source: {kind, path, scope|services}}
   * @param sourceOverride a path given on the command line instead of the entry's default, or null
   * @return the number of findings that are drift (not deliberate deviations)
   */
  static int vendor(
      Path repo,
      String name,
      Map<String, Object> entry,
      String sourceOverride,
      Deviations deviations,
      PrintStream out) {
    Path spec = repo.resolve("specs").resolve(Yamls.string(entry.get("spec")));
    Map<String, Object> source = Yamls.map(entry.get("source"));
    String kind = Yamls.string(source.get("kind"));
    List<String> classes = Yamls.list(source.get("classes")).stream().map(String::valueOf).toList();
    if (kind.equals("jaxrs") && sourceOverride != null) {
      kind = "openapi"; // a document given on the command line, e.g. for another version
    }
    Path official =
        sourceOverride != null
            ? Path.of(sourceOverride).toAbsolutePath()
            : kind.equals("jaxrs")
                ? JaxRsSource.generate(
                    classes,
                    Yamls.string(source.get("artifact")),
                    Yamls.string(source.get("version")))
                : repo.resolve(Yamls.string(source.get("path"))).normalize();
    List<String> scope = Yamls.list(source.get("scope")).stream().map(String::valueOf).toList();
    String from =
        kind.equals("jaxrs")
            ? source.get("artifact") + " " + source.get("version") + " (generated)"
            : official.toString();
    out.println("== " + name + ": specs/" + entry.get("spec") + " vs " + from + " (" + kind + ")");
    if (!Files.isRegularFile(spec)) {
      out.println("   skipped: the curated spec " + spec + " does not exist yet");
      out.println();
      return 0;
    }
    if (!Files.exists(official)) {
      out.println(
          "   skipped: the vendor definition "
              + official
              + " is not there (pass --source "
              + name
              + "=PATH)");
      out.println();
      return 0;
    }
    ApiModel ours = OpenApiSource.read(spec, List.of());
    ApiModel theirs =
        switch (kind) {
          case "openapi", "jaxrs" -> OpenApiSource.read(official, scope);
          case "proto" ->
              ProtoSource.read(
                  official,
                  Yamls.list(source.get("services")).stream().map(String::valueOf).toList());
          default ->
              throw new IllegalArgumentException(
                  name + ": unknown source kind '" + kind + "' (openapi, proto, jaxrs)");
        };
    List<String> operations =
        Yamls.list(entry.get("operations")).stream().map(String::valueOf).toList();
    if (!operations.isEmpty()) {
      theirs
          .operations()
          .keySet()
          .removeIf(
              k -> operations.stream().noneMatch(g -> Deviations.glob(g).matcher(k).matches()));
    }
    List<Drift.Finding> findings = Drift.compare(ours, theirs);
    List<Deviations.Deviation> known = deviations.of(name);
    List<Drift.Finding> drift = new ArrayList<>();
    Map<Deviations.Deviation, List<Drift.Finding>> explained = new LinkedHashMap<>();
    known.forEach(d -> explained.put(d, new ArrayList<>()));
    for (Drift.Finding f : findings) {
      Deviations.Deviation match =
          known.stream().filter(d -> d.covers(name, f)).findFirst().orElse(null);
      if (match == null) {
        drift.add(f);
      } else {
        explained.get(match).add(f);
      }
    }
    long both =
        ours.operations().keySet().stream().filter(theirs.operations()::containsKey).count();
    out.println(
        "   operations: "
            + ours.operations().size()
            + " in ours, "
            + theirs.operations().size()
            + " in the vendor's"
            + (scope.isEmpty() ? "" : " (paths " + String.join(", ", scope) + ")")
            + ", "
            + both
            + " in both; findings: "
            + findings.size()
            + " = "
            + drift.size()
            + " drift + "
            + (findings.size() - drift.size())
            + " deliberate");
    out.println("-- drift (" + drift.size() + ")");
    if (drift.isEmpty()) {
      out.println("   none");
    }
    drift.forEach(f -> out.println("   " + f.line()));
    out.println(
        "-- deliberate deviations ("
            + (findings.size() - drift.size())
            + " findings, specs/drift/deviations.yaml)");
    for (Map.Entry<Deviations.Deviation, List<Drift.Finding>> e : explained.entrySet()) {
      Deviations.Deviation d = e.getKey();
      if (e.getValue().isEmpty()) {
        continue;
      }
      out.println("   * " + d.reason().replaceAll("\\s+", " "));
      out.println("     evidence: " + d.evidence().replaceAll("\\s+", " "));
      e.getValue().forEach(f -> out.println("       " + f.line()));
    }
    List<Deviations.Deviation> stale =
        explained.entrySet().stream()
            .filter(e -> e.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    if (!stale.isEmpty()) {
      out.println(
          "-- listed deviations that matched nothing (remove them if the vendor caught up)");
      stale.forEach(
          d ->
              out.println(
                  "   * "
                      + d.operation()
                      + " "
                      + String.join(" | ", d.locations())
                      + ": "
                      + d.reason().replaceAll("\\s+", " ")));
    }
    out.println();
    return drift.size();
  }
}
