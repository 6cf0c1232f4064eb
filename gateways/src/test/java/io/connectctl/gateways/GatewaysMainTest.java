package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.testfixtures.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateways in a process of their own: they write where they listen, answer, and exit with the
 * watched process.
 */
class GatewaysMainTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();

  @TempDir Path dir;

  @Test
  void startsWritesItsStateAndExitsWithTheWatchedProcess() throws Exception {
    Sandbox s = SANDBOX.sandbox();
    Process watched = new ProcessBuilder("sleep", "120").start();
    Path state = dir.resolve("gateways.json");
    Process gateways =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GatewaysMain.class.getName(),
                "--connect-url",
                s.worker.url(),
                "--bootstrap",
                s.bootstrap,
                "--state-file",
                state.toString(),
                "--exit-with-pid",
                Long.toString(watched.pid()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("gateways.log").toFile())
            .start();
    try {
      // Until the state file is written, or the gateways' process ends without writing it.
      Eventually.within(Duration.ofSeconds(60))
          .every(Duration.ofMillis(100))
          .untilAsserted(
              "the state file",
              () ->
                  assertTrue(
                      Files.exists(state) || !gateways.isAlive(),
                      () -> "no state file yet; log: " + read(dir.resolve("gateways.log"))));
      assertTrue(
          Files.exists(state), () -> "no state file; log: " + read(dir.resolve("gateways.log")));
      Map<String, Object> json = Json.obj(Json.parse(Files.readString(state)));
      assertEquals(gateways.pid(), ((Number) json.get("pid")).longValue());
      HttpResponse<String> clusters =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              Json.str(Json.obj(json.get("redpanda")).get("url"))
                                  + "/v1/kafka-connect/clusters"))
                      .header("Authorization", "Bearer t")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, clusters.statusCode(), clusters.body());
      assertTrue(clusters.body().contains(s.worker.url()), clusters.body());
      for (String vendor : List.of("confluent", "yandex")) {
        assertTrue(
            Json.str(Json.obj(json.get(vendor)).get("url")).startsWith("http://127.0.0.1:"),
            json::toString);
      }

      watched.destroy();
      assertTrue(
          gateways.waitFor(30, TimeUnit.SECONDS), "the gateways outlived the watched process");
      assertFalse(Files.exists(state), "the state file was left behind");
    } finally {
      watched.destroyForcibly();
      gateways.destroyForcibly();
      gateways.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "(none)";
    }
  }
}
