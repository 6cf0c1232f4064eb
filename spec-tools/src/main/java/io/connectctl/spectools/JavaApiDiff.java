package io.connectctl.spectools;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** japicmp over two jars of one module: the public API's changes and a verdict. */
public final class JavaApiDiff {
  private JavaApiDiff() {}

  /** How far a change breaks users of a module, worst last. */
  public enum Verdict {
    /** Old callers compile and run unchanged. */
    COMPATIBLE("compatible"),
    /**
     * Old binaries still run, but some callers no longer compile (e.g. a new abstract method, a new
     * checked exception).
     */
    SOURCE_INCOMPATIBLE("source-incompatible"),
    /** Old binaries fail at run time (a removed or changed method, field or class). */
    BINARY_INCOMPATIBLE("binary-incompatible");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    /** {@code compatible}, {@code source-incompatible} or {@code binary-incompatible}. */
    public String label() {
      return label;
    }
  }

  /**
   * The comparison of one module.
   *
   * @param verdict the worst change
   * @param changes one line per incompatible change ({@code BINARY|SOURCE class member:
   *     CHANGE_TYPE})
   * @param modified how many public classes changed at all (compatible changes included)
   */
  public record Result(Verdict verdict, List<String> changes, int modified) {}

  /** Compares the public and protected API of {@code oldJar} and {@code newJar}. */
  public static Result compare(Path oldJar, Path newJar) {
    for (Path jar : List.of(oldJar, newJar)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("No jar at " + jar);
      }
    }
    JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
    options.setAccessModifier(AccessModifier.PROTECTED);
    // The module's dependencies are not on this classpath: what they declare is not judged here.
    options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    List<JApiClass> classes =
        new JarArchiveComparator(options)
            .compare(
                new JApiCmpArchive(oldJar.toFile(), "old"),
                new JApiCmpArchive(newJar.toFile(), "new"));
    Verdict verdict = Verdict.COMPATIBLE;
    List<String> lines = new ArrayList<>();
    int modified = 0;
    for (JApiClass c : classes) {
      if (c.getChangeStatus() != japicmp.model.JApiChangeStatus.UNCHANGED) {
        modified++;
      }
      verdict = worst(verdict, c.getFullyQualifiedName(), "", c, lines);
      for (JApiBehavior m : c.getConstructors()) {
        verdict = worst(verdict, c.getFullyQualifiedName(), "<init>(" + params(m) + ")", m, lines);
      }
      for (JApiBehavior m : c.getMethods()) {
        verdict =
            worst(
                verdict, c.getFullyQualifiedName(), m.getName() + "(" + params(m) + ")", m, lines);
      }
      for (JApiField f : c.getFields()) {
        verdict = worst(verdict, c.getFullyQualifiedName(), f.getName(), f, lines);
      }
    }
    return new Result(verdict, lines, modified);
  }

  private static String params(JApiBehavior behavior) {
    return behavior.getParameters().stream()
        .map(
            p -> {
              String type = p.getType();
              return type.substring(type.lastIndexOf('.') + 1);
            })
        .collect(Collectors.joining(", "));
  }

  private static Verdict worst(
      Verdict current, String owner, String member, JApiCompatibility element, List<String> out) {
    Verdict verdict = current;
    for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
      Verdict v =
          !change.isBinaryCompatible()
              ? Verdict.BINARY_INCOMPATIBLE
              : !change.isSourceCompatible() ? Verdict.SOURCE_INCOMPATIBLE : Verdict.COMPATIBLE;
      if (v != Verdict.COMPATIBLE) {
        out.add(
            (v == Verdict.BINARY_INCOMPATIBLE ? "BINARY " : "SOURCE ")
                + owner
                + (member.isEmpty() ? "" : " " + member)
                + ": "
                + change.getType());
      }
      if (v.ordinal() > verdict.ordinal()) {
        verdict = v;
      }
    }
    return verdict;
  }
}
