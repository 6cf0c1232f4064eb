package io.connectctl.prism;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No Prism outlives the JVM that started it: not after {@link PrismMock#close()}, and not when that
 * JVM is killed outright (SIGKILL, so no shutdown hook runs): the watchdog ends Prism and
 * everything it started.
 */
class OrphanTest {
  private static final Path SPECS = Path.of("..", "specs").toAbsolutePath().normalize();
  private static final Path PRISM = SPECS.resolve("node_modules/.bin/prism");
  private static final Path SPEC = SPECS.resolve("redpanda/redpanda-connect.yaml");

  @Test
  void closeStopsPrismAndItsChildren() {
    PrismMock mock = PrismMock.startAndAwait(PRISM, SPEC, OptionalLong.empty(), System.getenv());
    ProcessHandle handle = ProcessHandle.of(mock.pid()).orElseThrow();
    List<ProcessHandle> tree = handle.descendants().toList();
    assertFalse(tree.isEmpty(), "prism runs under the watchdog");
    assertTrue(
        Files.exists(PrismMock.PID_DIR.resolve(Long.toString(mock.pid()))), "pid file written");
    mock.close();
    awaitGone(handle, tree, mock.port());
    assertFalse(
        Files.exists(PrismMock.PID_DIR.resolve(Long.toString(mock.pid()))), "pid file removed");
  }

  @Test
  void aKilledJvmLeavesNoPrismBehind() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PrismHolder.class.getName(),
                PRISM.toString(),
                SPEC.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    ProcessHandle prism = null;
    List<ProcessHandle> tree = List.of();
    int port = 0;
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertNotNull(line, "the holder JVM started Prism");
      String[] parts = line.trim().split(" ");
      prism = ProcessHandle.of(Long.parseLong(parts[0])).orElseThrow();
      port = Integer.parseInt(parts[1]);
      tree = prism.descendants().toList();
      assertTrue(answers(port), "prism is up");
      holder.destroyForcibly();
      assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
      awaitGone(prism, tree, port);
    } finally {
      holder.destroyForcibly();
      if (prism != null) {
        tree.forEach(ProcessHandle::destroyForcibly);
        prism.destroyForcibly();
      }
    }
  }

  @Test
  void aPidFileWhoseJvmIsGoneIsCleanedUpAtTheNextStart() throws Exception {
    Files.createDirectories(PrismMock.PID_DIR);
    Process stray = new ProcessBuilder("/bin/sh", "-c", "sleep 300; true", "prism-stray").start();
    Path file = PrismMock.PID_DIR.resolve(Long.toString(stray.pid()));
    try {
      Files.writeString(file, "999999999");
      PrismMock.stopOrphans();
      assertTrue(
          stray.waitFor(10, TimeUnit.SECONDS),
          "a process named for prism whose JVM is gone is stopped");
      assertFalse(Files.exists(file));
    } finally {
      stray.destroyForcibly();
      Files.deleteIfExists(file);
    }
  }

  private static void awaitGone(ProcessHandle prism, List<ProcessHandle> tree, int port) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline
        && (prism.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertFalse(prism.isAlive(), "watchdog shell still running");
    tree.forEach(
        p ->
            assertFalse(
                p.isAlive(), () -> "left running: " + p.info().commandLine().orElse("" + p.pid())));
    assertFalse(answers(port), "nothing answers on Prism's port");
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
