package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API check judges what a module exports: a change in a package the module keeps to itself
 * passes, a change in an exported package is still caught (as api-check runs it on the facade).
 */
class ExportedApiTest {
  private static final String MODULE = "module demo { exports demo.api; }";
  private static final String API =
      """
      package demo.api;
      public class Api {
        public String name() { return demo.impl.Helper.name(); }
        public int count() { return 1; }
      }
      """;
  private static final String HELPER =
      """
      package demo.impl;
      public class Helper {
        public static String name() { return "n"; }
        public static int size(String s) { return s.length(); }
      }
      """;

  @TempDir Path dir;

  @Test
  void aChangeInAPackageTheModuleDoesNotExportIsNotJudged() throws IOException {
    Path v1 = module("v1", MODULE, API, HELPER);
    Path helperChanged =
        module(
            "helper-changed",
            MODULE,
            API,
            """
            package demo.impl;
            public class Helper {
              public static String name() { return "n"; }
              public static long size(CharSequence s) { return s.length(); }
            }
            """);
    JavaApiDiff.Result r = JavaApiDiff.compare(v1, helperChanged);
    assertEquals(JavaApiDiff.Verdict.COMPATIBLE, r.verdict(), r.changes().toString());
    assertEquals(List.of(), r.changes());
    assertEquals(0, failOnBinary(v1, helperChanged), "api-check's command must pass");
  }

  @Test
  void aChangeInAnExportedPackageIsStillABreak() throws IOException {
    Path v1 = module("v1", MODULE, API, HELPER);
    Path apiChanged =
        module(
            "api-changed",
            MODULE,
            """
            package demo.api;
            public class Api {
              public String name() { return demo.impl.Helper.name(); }
              public long count() { return 1L; }
            }
            """,
            HELPER);
    JavaApiDiff.Result r = JavaApiDiff.compare(v1, apiChanged);
    assertEquals(JavaApiDiff.Verdict.BINARY_INCOMPATIBLE, r.verdict());
    assertTrue(
        r.changes().stream().anyMatch(c -> c.startsWith("BINARY demo.api.Api count()")),
        r.changes().toString());
    assertEquals(1, failOnBinary(v1, apiChanged));
  }

  @Test
  void aPackageThatStopsBeingExportedIsABreak() throws IOException {
    Path v1 = module("v1", MODULE, API, HELPER);
    Path hidden = module("hidden", "module demo { }", API, HELPER);
    JavaApiDiff.Result r = JavaApiDiff.compare(v1, hidden);
    assertEquals(JavaApiDiff.Verdict.BINARY_INCOMPATIBLE, r.verdict());
    assertEquals(List.of("BINARY demo.api: PACKAGE_NO_LONGER_EXPORTED"), r.changes());

    // A jar without a descriptor exports every package: giving it one that hides a package is a
    // break once (then the baseline is moved, as spec-tools/rebaseline does).
    Path plain = module("plain", null, API, HELPER);
    assertEquals(Optional.empty(), JavaApiDiff.exportedPackages(plain));
    assertEquals(Optional.of(Set.of("demo.api")), JavaApiDiff.exportedPackages(v1));
    assertEquals(
        List.of("BINARY demo.impl: PACKAGE_NO_LONGER_EXPORTED"),
        JavaApiDiff.compare(plain, v1).changes());
  }

  @Test
  void packagesExportedOnlyToNamedModulesAreNotApi() throws IOException {
    String qualified = "module demo { exports demo.api; exports demo.impl to other.module; }";
    Path v1 = module("qualified", qualified, API, HELPER);
    assertEquals(Optional.of(Set.of("demo.api")), JavaApiDiff.exportedPackages(v1));
  }

  private static int failOnBinary(Path oldJar, Path newJar) {
    return BreakingChangesCommand.run(
        new String[] {"--jar", "demo", oldJar.toString(), newJar.toString(), "--fail-on", "binary"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  /**
   * Compiles {@code sources} (each a compilation unit of package {@code demo.*}) into a jar, with
   * {@code moduleInfo} as its descriptor unless null.
   */
  private Path module(String name, String moduleInfo, String... sources) throws IOException {
    Path src = Files.createDirectories(dir.resolve(name + "-src"));
    Path out = Files.createDirectories(dir.resolve(name + "-classes"));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
    if (moduleInfo != null) {
      Files.writeString(src.resolve("module-info.java"), moduleInfo);
      args.add(src.resolve("module-info.java").toString());
    }
    for (String source : sources) {
      String pkg = source.replaceAll("(?s)^\\s*package ([\\w.]+);.*", "$1");
      String cls = source.replaceAll("(?s).*public class (\\w+).*", "$1");
      Path file = src.resolve(pkg.replace('.', '/')).resolve(cls + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status =
        javac.run(null, OutputStream.nullOutputStream(), diagnostics, args.toArray(String[]::new));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jarOut.putNextEntry(new JarEntry(out.relativize(f).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(f));
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
