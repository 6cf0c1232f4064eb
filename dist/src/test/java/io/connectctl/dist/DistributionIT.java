package io.connectctl.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download as a user gets it: the tarball unpacked into an empty directory and {@code
 * bin/connectctl} run with a {@code PATH} that holds no {@code java} (only the few tools the
 * launcher itself calls) and no {@code JAVA_HOME}. Run by the dist module's {@code distribution}
 * surefire execution after {@code package} ({@code ./mvnw -Pdist verify}).
 */
class DistributionIT {
  /**
   * One connector, as a Kafka Connect worker lists it with {@code ?expand=status&expand=info} (the
   * answer to any listing here: a reader takes the parts it asked for).
   */
  private static final String LISTING =
      """
      {"demo": {
        "status": {"name": "demo", "type": "source",
          "connector": {"state": "RUNNING", "worker_id": "w1:8083"},
          "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "w1:8083"}]},
        "info": {"name": "demo", "type": "source",
          "config": {"connector.class": "org.example.Demo", "tasks.max": "1"},
          "tasks": [{"connector": "demo", "task": 0}]}}}
      """;

  /** What bin/connectctl calls besides the bundled runtime. */
  private static final List<String> LAUNCHER_TOOLS =
      List.of("sh", "ls", "cksum", "mkdir", "mv", "rm");

  @TempDir static Path work;
  private static Path tarball;
  private static Path install;
  private static Path tools;
  private static Path home;
  private static HttpServer worker;
  private static final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void unpack() throws Exception {
    String property = System.getProperty("connectctl.dist.tarball");
    assumeTrue(property != null, "runs in the dist module's distribution execution, after package");
    tarball = Path.of(property);
    assertTrue(Files.isRegularFile(tarball), "the tarball is built first: " + tarball);
    Path unpacked = Files.createDirectories(work.resolve("unpacked"));
    Run tar =
        run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), System.getenv());
    assertEquals(0, tar.exitCode(), tar.toString());
    try (Stream<Path> top = Files.list(unpacked)) {
      List<Path> entries = top.toList();
      assertEquals(1, entries.size(), "one top directory: " + entries);
      install = entries.get(0);
    }
    assertEquals(
        tarball.getFileName().toString().replace(".tar.gz", ""), install.getFileName().toString());

    tools = Files.createDirectories(work.resolve("tools"));
    for (String tool : LAUNCHER_TOOLS) {
      Files.createSymbolicLink(tools.resolve(tool), which(tool));
    }
    // reached through a symlink on the PATH, as `ln -s .../bin/connectctl ~/bin/` would
    Files.createSymbolicLink(
        tools.resolve("connectctl"), install.resolve("bin").resolve("connectctl"));
    home = Files.createDirectories(work.resolve("home"));

    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worker.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          boolean listing =
              exchange.getRequestMethod().equals("GET")
                  && exchange.getRequestURI().getPath().equals("/connectors");
          byte[] body =
              (listing ? LISTING : "{\"error_code\": 404, \"message\": \"no route\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(listing ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    worker.start();
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.stop(0);
    }
  }

  @Test
  void thePathGivenToTheDownloadHoldsNoJava() {
    assertFalse(Files.exists(tools.resolve("java")));
    Run run = connectctl("--version");
    assertFalse(run.stderr().contains("java: not found"), run.toString());
  }

  @Test
  void versionRunsOnTheBundledRuntime() {
    Run run = connectctl("--version");
    assertEquals(0, run.exitCode(), run.toString());
    String version = install.getFileName().toString().split("-")[1];
    assertTrue(run.stdout().startsWith("connectctl " + version), run.toString());
    assertTrue(run.stdout().contains("java: 17"), run.toString());
    assertEquals("", run.stderr(), run.toString());
  }

  @Test
  void helpListsTheCommands() {
    Run run = connectctl("--help");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().startsWith("Usage: connectctl"), run.toString());
    assertTrue(run.stdout().contains("apply"), run.toString());
  }

  @Test
  void getConnectorsListsTheFakeWorkersConnectors() {
    String url = "http://127.0.0.1:" + worker.getAddress().getPort();
    Run run = connectctl("get", "connectors", "--vendor", "kafka-connect", "--url", url);
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(2, lines.size(), run.toString());
    assertEquals(List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"), words(lines.get(0)));
    assertEquals(List.of("demo", "source", "RUNNING", "RUNNING", "1/1"), words(lines.get(1)));
    // statuses are all the table needs: the worker is not asked for the definitions
    assertTrue(requests.contains("GET /connectors?expand=status"), requests.toString());
  }

  @Test
  void theFirstRunRecordsTheStartUpArchiveInTheUsersCache() throws IOException {
    assertEquals(0, connectctl("--version").exitCode());
    try (Stream<Path> files = Files.list(home.resolve(".cache/connectctl"))) {
      assertTrue(
          files.anyMatch(f -> f.getFileName().toString().matches("cds-.*-\\d+\\.jsa")),
          "a CDS archive in ~/.cache/connectctl");
    }
  }

  @Test
  void localUpStartsKafkaAndConnectOnTheBundledRuntimeAndLocalDownStopsThem() {
    Path dir = work.resolve("local");
    try {
      Run up = connectctl("local", "up", "--dir", dir.toString(), "-o", "json");
      assertEquals(0, up.exitCode(), up.toString());
      assertTrue(up.stdout().contains("\"workerPid\""), up.toString());
      Run list = connectctl("get", "connectors", "--context", "local");
      assertEquals(0, list.exitCode(), list.toString());
    } finally {
      Run down = connectctl("local", "down", "--dir", dir.toString());
      assertEquals(0, down.exitCode(), down.toString());
    }
    Run status = connectctl("local", "status", "--dir", dir.toString());
    assertTrue(status.stdout().contains("stopped"), status.toString());
  }

  @Test
  void aManPageRendersWithMan() throws Exception {
    Path page = install.resolve("man/man1/connectctl-apply.1");
    assertTrue(Files.isRegularFile(page), page.toString());
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("MANWIDTH", "100");
    Run man = run(List.of(which("man").toString(), "-l", page.toString()), env);
    assertEquals(0, man.exitCode(), man.toString());
    assertTrue(man.stdout().contains("connectctl-apply"), man.toString());
    assertTrue(man.stdout().contains("SYNOPSIS"), man.toString());
    // troff's \- may come out as a Unicode minus or hyphen, depending on the locale
    String text = man.stdout().replace('\u2212', '-').replace('\u2010', '-');
    assertTrue(text.contains("--dry-run"), man.toString());
    try (Stream<Path> pages = Files.list(install.resolve("man/man1"))) {
      assertTrue(pages.count() > 20, "one page per command");
    }
  }

  @Test
  void theSbomListsTheHttpAndCliLibrariesWithTheirVersions() throws IOException {
    Path sbom = install.resolve("sbom").resolve(install.getFileName() + ".cdx.json");
    String json = Files.readString(sbom);
    for (String[] library :
        new String[][] {
          // OkHttp 5's JVM artifact (plain okhttp 5 is multiplatform metadata)
          {"okhttp-jvm", System.getProperty("connectctl.dist.okhttp")},
          {"retrofit", System.getProperty("connectctl.dist.retrofit")},
          {"moshi", System.getProperty("connectctl.dist.moshi")},
          {"picocli", System.getProperty("connectctl.dist.picocli")}
        }) {
      assertTrue(
          json.matches(
              "(?s).*\"name\" : \""
                  + library[0]
                  + "\",\\s*\"version\" : \""
                  + java.util.regex.Pattern.quote(library[1])
                  + "\".*"),
          library[0] + " " + library[1] + " in " + sbom);
    }
  }

  @Test
  void theChecksumFileVerifiesTheTarball() throws Exception {
    Path sums = Path.of(tarball + ".sha256");
    String line = Files.readString(sums).strip();
    String digest =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tarball)));
    assertEquals(digest + "  " + tarball.getFileName(), line);
    Map<String, String> env = System.getenv();
    Run check =
        run(
            List.of(
                "sh",
                "-c",
                "cd \"$1\" && sha256sum -c \"$2\"",
                "sh",
                tarball.getParent().toString(),
                sums.getFileName().toString()),
            env);
    assertEquals(0, check.exitCode(), check.toString());
  }

  @Test
  void theRuntimeHoldsWhatJdepsFindsInTheClisJars() throws IOException {
    List<String> jdeps = lines(Path.of(System.getProperty("connectctl.dist.jdeps")));
    List<String> listed = lines(Path.of(System.getProperty("connectctl.dist.modules")));
    assertFalse(jdeps.isEmpty(), "jdeps found the CLI's modules");
    assertEquals(
        jdeps, listed.subList(0, jdeps.size()), "dist/jdk-modules.txt starts with jdeps' answer");
    String release = Files.readString(install.resolve("runtime/release"));
    for (String module : listed) {
      assertTrue(release.contains(module), module + " in the runtime: " + release);
    }
  }

  @Test
  void completionsAndLicencesAreInside() throws IOException {
    assertTrue(
        Files.readString(install.resolve("completions/connectctl.bash")).contains("connectctl"));
    assertTrue(Files.isDirectory(install.resolve("runtime/legal/java.base")));
    assertTrue(Files.isDirectory(install.resolve("legal")));
    try (Stream<Path> legal = Files.list(install.resolve("legal"))) {
      // a jar that carries its licence under META-INF, copied per jar
      assertTrue(legal.anyMatch(p -> p.getFileName().toString().startsWith("slf4j-api-")));
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(l -> l.replaceAll("#.*", "").strip())
        .filter(l -> !l.isEmpty())
        .toList();
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  private static Path which(String tool) {
    for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " not found");
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  /** bin/connectctl, found on the PATH, in an environment with no Java at all. */
  private static Run connectctl(String... args) {
    List<String> command = new ArrayList<>();
    command.add("connectctl");
    command.addAll(List.of(args));
    // only these: no JAVA_HOME, and a PATH of the launcher's own tools
    Map<String, String> env = Map.of("PATH", tools.toString(), "HOME", home.toString());
    try {
      return run(command, env);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    // the PATH lookup of the command itself uses the child's PATH
    if (!command.get(0).contains("/") && env.get("PATH") != null) {
      for (String dir : env.get("PATH").split(":")) {
        if (Files.isExecutable(Path.of(dir, command.get(0)))) {
          List<String> resolved = new ArrayList<>(command);
          resolved.set(0, Path.of(dir, command.get(0)).toString());
          builder.command(resolved);
          break;
        }
      }
    }
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
