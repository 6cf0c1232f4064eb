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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * japicmp over two jars of one module: the public API's changes and a verdict. The API is the
 * public and protected members of the packages the old jar exports: all its packages when it has no
 * module descriptor (on the class path or as an automatic module every package is reachable), else
 * the packages its {@code module-info.class} exports to everyone. Changes in other packages are not
 * judged, except where they show through an exported class (a method it inherits from a superclass
 * there, for example); a package the new jar stops exporting is a binary break.
 */
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
   * @param modified how many public classes of the API changed at all (compatible changes included)
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
    Optional<Set<String>> oldExports = exportedPackages(oldJar);
    Optional<Set<String>> newExports = exportedPackages(newJar);
    Verdict verdict = Verdict.COMPATIBLE;
    List<String> lines = new ArrayList<>();
    int modified = 0;
    if (newExports.isPresent()) {
      Set<String> dropped = new TreeSet<>(oldExports.orElseGet(() -> packages(classes)));
      dropped.removeAll(newExports.get());
      for (String pkg : dropped) {
        lines.add("BINARY " + pkg + ": PACKAGE_NO_LONGER_EXPORTED");
        verdict = Verdict.BINARY_INCOMPATIBLE;
      }
    }
    for (JApiClass c : classes) {
      if (oldExports.isPresent()
          && !oldExports.get().contains(packageOf(c.getFullyQualifiedName()))) {
        continue;
      }
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

  /**
   * The packages {@code jar}'s module descriptor (for this JDK, in a multi-release jar) exports to
   * every module, or empty when the jar has no descriptor (then every package is reachable).
   */
  static Optional<Set<String>> exportedPackages(Path jar) {
    try (JarFile file =
        new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
      JarEntry descriptor = file.getJarEntry("module-info.class");
      if (descriptor == null) {
        return Optional.empty();
      }
      try (InputStream in = file.getInputStream(descriptor)) {
        return Optional.of(
            ModuleDescriptor.read(in).exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + jar, e);
    }
  }

  /** The packages of the old jar's classes. */
  private static Set<String> packages(List<JApiClass> classes) {
    return classes.stream()
        .filter(c -> c.getOldClass().isPresent())
        .map(c -> packageOf(c.getFullyQualifiedName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
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
