package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's SDK section as a new user pastes it: its import block and every other Java block are
 * compiled together against the facade and its dependencies, so a class, package or method the
 * README names but the SDK lacks fails the build.
 *
 * <p>Each block other than the imports becomes the body of a method; the names the README declares
 * as given ({@code client}, {@code apiKey}, …) are that method's parameters.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  /** What the README says the blocks take as given, in its own words. */
  private static final String GIVENS =
      "ConnectorClient client, String apiKey, String apiSecret, String password,"
          + " java.util.Map<String, String> config, java.util.List<String> names";

  @Test
  void everyJavaBlockOfTheSdkSectionCompiles(@TempDir Path out) throws IOException {
    String section = sdkSection(Files.readString(readme()));
    assertTrue(
        section.contains("given: `ConnectorClient client`"), "the README names the blocks' givens");

    StringBuilder imports = new StringBuilder();
    List<String> bodies = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(section);
    while (m.find()) {
      String block = m.group(1);
      if (block.lines().allMatch(l -> l.isBlank() || l.startsWith("import "))) {
        imports.append(block);
      } else {
        bodies.add(block);
      }
    }
    assertFalse(imports.isEmpty(), "the SDK section has an import block");
    assertTrue(bodies.size() >= 2, "the SDK section has its examples: " + bodies.size());
    String all = String.join("\n", bodies);
    for (String vendor :
        List.of(
            "RedpandaConnectorClient.builder()",
            "ConfluentConnectorClient.builder()",
            "YandexConnectorClient.builder()",
            "KafkaConnectConnectorClient.builder()")) {
      assertTrue(all.contains(vendor), "the README's examples build " + vendor);
    }

    StringBuilder source = new StringBuilder(imports).append("\nclass Readme {\n");
    for (int i = 0; i < bodies.size(); i++) {
      source
          .append("  static void block")
          .append(i)
          .append("(")
          .append(GIVENS)
          .append(") throws Exception {\n")
          .append(bodies.get(i))
          .append("\n  }\n");
    }
    source.append("}\n");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                output,
                null,
                diagnostics,
                List.of("-classpath", classPath(), "-d", out.toString(), "-proc:none"),
                null,
                List.of(new Source("Readme", source.toString())))
            .call();

    StringBuilder errors = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors
            .append("line ")
            .append(d.getLineNumber())
            .append(": ")
            .append(d.getMessage(Locale.ROOT))
            .append('\n');
      }
    }
    assertTrue(compiled, "README snippets do not compile:\n" + errors + "\nsource:\n" + source);
    assertEquals("", errors.toString());
  }

  private static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("facade"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("no README.md above " + here);
  }

  /** From {@code ## The SDK} to the next second-level heading. */
  private static String sdkSection(String readme) {
    int start = readme.indexOf("\n## The SDK\n");
    assertTrue(start >= 0, "README has a '## The SDK' section");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The test class path (the facade's classes and dependencies), as surefire gives it. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String path = surefire != null ? surefire : System.getProperty("java.class.path");
    assertTrue(path.contains(File.pathSeparator) || !path.isEmpty(), "a class path");
    return path;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
