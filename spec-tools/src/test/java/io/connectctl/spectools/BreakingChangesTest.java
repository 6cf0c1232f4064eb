package io.connectctl.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreakingChangesTest {
  private static final String V1 =
      """
      package demo;
      public class Api {
        public String name() { return "n"; }
        public int count() { return 1; }
      }
      """;

  @TempDir Path dir;

  @Test
  void aResponseFieldWhoseTypeChangesIsABreakingSpecChange() {
    SpecDiff.Result r =
        SpecDiff.compare(
            Fixtures.path("breaking/v1.yaml"), Fixtures.path("breaking/v2-type-changed.yaml"));
    assertEquals("breaking", r.verdict(), r.report());
    assertTrue(r.report().contains("quantity"), r.report());
    assertTrue(r.report().contains("GET") && r.report().contains("/orders/{id}"), r.report());
  }

  @Test
  void aNewResponseFieldIsCompatibleAndNoChangeIsNoChange() {
    assertEquals(
        "compatible",
        SpecDiff.compare(
                Fixtures.path("breaking/v1.yaml"), Fixtures.path("breaking/v2-field-added.yaml"))
            .verdict());
    assertEquals(
        "no changes",
        SpecDiff.compare(Fixtures.path("breaking/v1.yaml"), Fixtures.path("breaking/v1.yaml"))
            .verdict());
  }

  @Test
  void changingAResponseFieldTypeInOurOwnSpecIsReported() throws IOException {
    Path spec =
        Path.of(System.getProperty("connectctl.specs", "../specs"))
            .resolve("yandex/yandex-kafka-connectors.yaml");
    String text = Files.readString(spec);
    String before = "        done:\n          type: boolean";
    assertTrue(text.contains(before), "the Operation.done property moved; update this test");
    Path changed = dir.resolve("changed.yaml");
    Files.writeString(changed, text.replace(before, "        done:\n          type: string"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        BreakingChangesCommand.run(
            new String[] {"--spec", "yandex", spec.toString(), changed.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, report);
    assertTrue(report.contains("spec   yandex: breaking"), report);
    assertTrue(report.contains("done"), report);
  }

  @Test
  void javaApiVerdictsPerModule() throws IOException {
    Path v1 = jar("v1", V1);
    assertEquals(JavaApiDiff.Verdict.COMPATIBLE, JavaApiDiff.compare(v1, v1).verdict());
    assertEquals(
        JavaApiDiff.Verdict.COMPATIBLE,
        JavaApiDiff.compare(
                v1,
                jar(
                    "added",
                    """
        package demo;
        public class Api {
          public String name() { return "n"; }
          public int count() { return 1; }
          public long size() { return 1L; }
        }
        """))
            .verdict());
    JavaApiDiff.Result changed =
        JavaApiDiff.compare(
            v1,
            jar(
                "changed",
                """
        package demo;
        public class Api {
          public String name() { return "n"; }
          public long count() { return 1L; }
        }
        """));
    assertEquals(JavaApiDiff.Verdict.BINARY_INCOMPATIBLE, changed.verdict());
    assertTrue(
        changed.changes().stream().anyMatch(c -> c.startsWith("BINARY demo.Api count()")),
        changed.changes().toString());
    Path i1 = jar("i1", "package demo; public interface Port { String name(); }");
    Path i2 = jar("i2", "package demo; public interface Port { String name(); String host(); }");
    assertEquals(
        JavaApiDiff.Verdict.SOURCE_INCOMPATIBLE,
        JavaApiDiff.compare(i1, i2).verdict(),
        "a new abstract interface method breaks implementors' sources, not old binaries");
  }

  @Test
  void theFacadeCheckFailsOnABinaryIncompatibleChangeUnlessTheVersionWasBumped()
      throws IOException {
    Path v1 = jar("v1", V1);
    Path removed =
        jar("removed", "package demo; public class Api { public String name() { return \"n\"; } }");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] check = {
      "--jar",
      "facade",
      v1.toString(),
      removed.toString(),
      "--fail-on",
      "binary",
      "--hint",
      "Re-baseline."
    };
    assertEquals(
        1,
        BreakingChangesCommand.run(
            check,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("module facade: binary-incompatible"),
        out.toString(StandardCharsets.UTF_8));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("METHOD_REMOVED"),
        out.toString(StandardCharsets.UTF_8));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("facade is binary-incompatible against"),
        err.toString(StandardCharsets.UTF_8));

    List<String> bumped = new ArrayList<>(List.of(check));
    bumped.addAll(List.of("--versions", "0.1.0", "0.2.0-SNAPSHOT"));
    assertEquals(
        0,
        BreakingChangesCommand.run(
            bumped.toArray(String[]::new),
            new PrintStream(OutputStream.nullOutputStream()),
            System.err));
    List<String> samePatch = new ArrayList<>(List.of(check));
    samePatch.addAll(List.of("--versions", "0.1.0", "0.1.1-SNAPSHOT"));
    assertEquals(
        1,
        BreakingChangesCommand.run(
            samePatch.toArray(String[]::new),
            new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(OutputStream.nullOutputStream())));
    assertTrue(BreakingChangesCommand.bumped("1.4.2", "2.0.0"));
    assertFalse(BreakingChangesCommand.bumped("1.4.2", "1.5.0"));
  }

  @Test
  void badUsageIsExitTwoNamingTheProblem() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        2,
        BreakingChangesCommand.run(
            new String[] {"--jar", "facade", "/nope.jar"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("--jar takes NAME OLD NEW"),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Compiles one source file in memory into a jar. */
  private Path jar(String name, String source) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String className = source.replaceAll("(?s).*public (?:class|interface) (\\w+).*", "$1");
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///demo/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    Map<String, ByteArrayOutputStream> classes = new java.util.LinkedHashMap<>();
    JavaFileManager manager =
        new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String cls, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(
                URI.create("mem:///" + cls.replace('.', '/') + ".class"), kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(cls, k -> new ByteArrayOutputStream());
              }
            };
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    assertTrue(
        compiler
            .getTask(null, manager, diagnostics, List.of("--release", "17"), null, List.of(file))
            .call(),
        diagnostics.getDiagnostics().toString());
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, ByteArrayOutputStream> c : classes.entrySet()) {
        out.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
        out.write(c.getValue().toByteArray());
        out.closeEntry();
      }
    }
    return jar;
  }
}
