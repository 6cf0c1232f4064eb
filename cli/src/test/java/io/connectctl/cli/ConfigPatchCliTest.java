package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config patch} against a scripted Kafka Connect worker: a 4.1 worker gets a PATCH with only
 * the changes (null removes), a 3.7 worker and one whose PATCH answers 405 get the whole config
 * read and written back, a masked value stops the rewrite before anything is written unless {@code
 * --set} supplies it, and {@code --dry-run} shows the change and writes nothing.
 */
class ConfigPatchCliTest {
  @TempDir Path home;

  private MockWebServer server;
  private String version = "4.1.1";
  private boolean patchAllowed = true;
  private String password = "pw";
  private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            String method = request.getMethod();
            if (!method.equals("GET")) {
              writes.add(method + " " + path + " " + request.getBody().readUtf8());
            }
            if (method.equals("PATCH") && !patchAllowed) {
              return json(405, "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
            }
            if (path.equals("/")) {
              return json(200, "{\"version\":\"" + version + "\",\"commit\":\"c\"}");
            }
            return json(
                200,
                "{\"name\":\"orders\",\"config\":{\"name\":\"orders\",\"connector.class\":\"FileStreamSink\","
                    + "\"tasks.max\":\"1\",\"topics\":\"orders\",\"topics.regex.note\":\"x\","
                    + "\"db.password\":\""
                    + password
                    + "\"},\"tasks\":[],\"type\":\"sink\"}");
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of("config", "patch", "orders"));
    all.addAll(List.of(args));
    all.addAll(List.of("--vendor", "kafka-connect", "--url", server.url("/").toString()));
    return CliRun.run(Map.of(), home, new VendorClientFactory(), all.toArray(String[]::new));
  }

  @Test
  void aNewWorkerGetsAPatchWithOnlyTheChanges() {
    CliRun run = cli("--set", "tasks.max=2", "--unset", "topics.regex.note");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("connector/orders patched", run.out().strip());
    assertEquals(
        List.of("PATCH /connectors/orders/config {\"tasks.max\":\"2\",\"topics.regex.note\":null}"),
        writes);
  }

  @Test
  void anOldWorkerGetsTheWholeConfigWrittenBack() {
    version = "3.7.0";

    CliRun run = cli("--set", "tasks.max=2", "--unset", "topics.regex.note");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, writes.size(), writes::toString);
    String put = writes.get(0);
    assertTrue(put.startsWith("PUT /connectors/orders/config "), put);
    assertTrue(put.contains("\"tasks.max\":\"2\""), put);
    assertTrue(put.contains("\"topics\":\"orders\""), put);
    assertTrue(put.contains("\"db.password\":\"pw\""), put);
    assertTrue(!put.contains("topics.regex.note"), put);
  }

  @Test
  void aPatchAnswered405FallsBackToRewritingTheConfig() {
    patchAllowed = false;

    CliRun run = cli("--set", "tasks.max=3");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(2, writes.size(), writes::toString);
    assertTrue(writes.get(0).startsWith("PATCH "), writes::toString);
    assertTrue(writes.get(1).startsWith("PUT /connectors/orders/config "), writes::toString);
    assertTrue(writes.get(1).contains("\"tasks.max\":\"3\""), writes::toString);
  }

  @Test
  void aMaskedValueStopsTheRewriteUnlessSetIsGiven() {
    version = "3.7.0";
    password = "****";

    CliRun refused = cli("--set", "tasks.max=2");

    assertEquals(2, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("db.password"), refused::toString);
    assertTrue(refused.err().contains("nothing was sent"), refused::toString);
    assertEquals(List.of(), writes);

    CliRun supplied = cli("--set", "tasks.max=2", "--set", "db.password=real-one");

    assertEquals(0, supplied.exitCode(), supplied::toString);
    assertEquals(1, writes.size(), writes::toString);
    assertTrue(writes.get(0).contains("\"db.password\":\"real-one\""), writes::toString);
  }

  @Test
  void dryRunShowsTheChangeAndWritesNothing() {
    CliRun run = cli("--set", "tasks.max=2", "--unset", "topics.regex.note", "--dry-run");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "connector/orders config would be patched (dry run)",
            "  ~ tasks.max: 1 -> 2",
            "  - topics.regex.note = x"),
        run.out().strip().lines().toList());
    assertEquals(List.of(), writes);
  }

  @Test
  void noChangeIsAUsageError() {
    CliRun run = cli();

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--set KEY=VALUE or --unset KEY"), run::toString);
    assertEquals(List.of(), writes);
  }
}
