package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 7: the first {@code ./connectctl} shows one progress line per module built and
 * nothing else, and on a failed build where the log is and its last lines. The checkout's own
 * script runs from a copy next to a stand-in {@code mvnw} that prints what a real build prints (npm
 * notices, Spectral warnings, the generator banner) and either fails or leaves a jar that runs this
 * test's CLI classes.
 */
class ConnectctlScriptTest {
  private static final String NOISE =
      """
      echo "[INFO] Scanning for projects..."
      echo "npm notice New minor version of npm available! 10.8.2 -> 10.9.0"
      echo "[INFO] Building connectctl specs 0.1.0-SNAPSHOT                          [1/2]"
      echo " 1970:24  warning  oas3-unused-component  Potentially unused component"
      echo "# Thanks for using OpenAPI Generator.                                  #"
      echo "[INFO] Building jar: /somewhere/specs.jar"
      echo "[INFO] Building connectctl CLI 0.1.0-SNAPSHOT                            [2/2]"
      i=0; while [ $i -lt 40 ]; do echo "[INFO] compiling $i"; i=$((i+1)); done
      """;

  @TempDir Path checkout;

  private Path install(String mvnwBody) throws IOException {
    Path script = checkout.resolve("connectctl");
    Files.copy(Path.of("..", "connectctl"), script);
    Path mvnw = Files.writeString(checkout.resolve("mvnw"), "#!/bin/sh\n" + NOISE + mvnwBody);
    for (Path p : List.of(script, mvnw)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return script;
  }

  private record Run(int exitCode, String out, String err) {}

  private Run run(Path script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
    builder.environment().put("HOME", checkout.toString());
    builder.environment().put("CONNECTCTL_CONFIG", checkout.resolve("absent.yaml").toString());
    builder.redirectOutput(checkout.resolve("out.txt").toFile());
    builder.redirectError(checkout.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the script ends");
    return new Run(
        process.exitValue(),
        Files.readString(checkout.resolve("out.txt")),
        Files.readString(checkout.resolve("err.txt")));
  }

  private static void assertNoNoise(Run run) {
    for (String noise :
        List.of("npm notice", "oas3-unused-component", "Thanks for using", "[INFO]")) {
      assertFalse(run.err().contains(noise), () -> noise + " on the terminal:\n" + run);
    }
  }

  @Test
  void aFailedBuildSaysWhereItsLogIsAndHowItEnds() throws Exception {
    Path script = install("echo '[ERROR] Foo.java:[3,1] cannot find symbol'\nexit 3\n");
    Run run = run(script, "--version");
    assertEquals(3, run.exitCode(), run::toString);
    assertEquals("", run.out());
    String log = checkout.resolve("target/connectctl-build.log").toString();
    List<String> lines = run.err().lines().toList();
    assertEquals(
        List.of(
            "connectctl: building the CLI (first run, or sources changed; log: " + log + ")",
            "connectctl: [1/2] connectctl specs",
            "connectctl: [2/2] connectctl CLI",
            "connectctl: the build failed (exit 3); the whole log: " + log,
            "connectctl: its last lines:"),
        lines.subList(0, 5),
        run::toString);
    assertEquals(5 + 25, lines.size(), run::toString);
    assertEquals("  [ERROR] Foo.java:[3,1] cannot find symbol", lines.get(lines.size() - 1));
    assertTrue(lines.subList(5, lines.size()).stream().allMatch(l -> l.startsWith("  ")));
    assertTrue(Files.readString(Path.of(log)).contains("npm notice"), "the log keeps everything");
    assertFalse(
        run.err().contains("npm notice") || run.err().contains("Thanks for using"), run::toString);
  }

  @Test
  void aSuccessfulBuildShowsOneLinePerStepAndNothingElse() throws Exception {
    // What the build leaves: the CLI jar (here one whose class path is this test's), Kafka's jars
    // and the gateways' classes.
    Path staged = checkout.resolve("staged.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ConnectCtl.class.getName());
    List<String> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
    }
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    try (OutputStream out = Files.newOutputStream(staged);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      // the manifest is all it needs
    }
    Path script =
        install(
            "mkdir -p cli/target local-cluster/target/kafka-lib gateways/target/gateways-lib/classes\n"
                + "cp staged.jar cli/target/connectctl.jar\n");
    Run run = run(script, "--version");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("connectctl "), run::toString);
    String log = checkout.resolve("target/connectctl-build.log").toString();
    List<String> lines = run.err().lines().toList();
    assertEquals(
        List.of(
            "connectctl: building the CLI (first run, or sources changed; log: " + log + ")",
            "connectctl: [1/2] connectctl specs",
            "connectctl: [2/2] connectctl CLI"),
        lines.subList(0, 3),
        run::toString);
    assertEquals(4, lines.size(), run::toString);
    assertTrue(lines.get(3).startsWith("connectctl: recording the start-up "), run::toString);
    assertNoNoise(run);

    // The second run builds nothing and prints nothing but the answer.
    Run again = run(script, "--version");
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals("", again.err(), again::toString);
    assertEquals(run.out(), again.out());
  }
}
