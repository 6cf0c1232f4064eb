package io.connectctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.local.junit.LocalClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared cluster of this test JVM really runs Connect with the FileStream and MirrorMaker 2
 * plugins.
 */
@ExtendWith(LocalClusterExtension.class)
class LocalClusterPipelineTest {
  private static final Duration FLOW = Duration.ofSeconds(60);

  @Test
  void workerAnswersWithKafkasVersionAndThePlugins(RunningCluster cluster) {
    Rest rest = new Rest(cluster.connectUrl());
    Rest.Answer root = rest.get("/");
    assertEquals(200, root.status());
    assertEquals("4.1.1", root.map().get("version"));
    String plugins = rest.get("/connector-plugins").list().toString();
    for (String plugin :
        List.of(
            "FileStreamSourceConnector",
            "FileStreamSinkConnector",
            "MirrorSourceConnector",
            "MirrorCheckpointConnector",
            "MirrorHeartbeatConnector")) {
      assertTrue(plugins.contains(plugin), plugin + " missing from " + plugins);
    }
    assertTrue(cluster.bootstrapServers().startsWith("127.0.0.1:"), cluster.bootstrapServers());
    assertTrue(ProcessHandle.of(cluster.brokerPid()).map(ProcessHandle::isAlive).orElse(false));
    assertTrue(ProcessHandle.of(cluster.workerPid()).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void fileSourceToTopicToFileSinkCopiesLines(RunningCluster cluster, @TempDir Path dir)
      throws IOException {
    Rest rest = new Rest(cluster.connectUrl());
    Path in = dir.resolve("in.txt");
    Path out = dir.resolve("out.txt");
    Files.write(in, List.of("first line", "second line"));
    assertEquals(
        201,
        rest.putConfig(
                "pipeline-source",
                Map.of(
                    "connector.class",
                    "FileStreamSource",
                    "file",
                    in.toString(),
                    "topic",
                    "pipeline-lines"))
            .status());
    assertEquals(
        201,
        rest.putConfig(
                "pipeline-sink",
                Map.of(
                    "connector.class",
                    "FileStreamSink",
                    "file",
                    out.toString(),
                    "topics",
                    "pipeline-lines"))
            .status());
    assertTrue(
        Rest.await(FLOW, () -> Rest.lines(out).equals(List.of("first line", "second line"))),
        "lines copied: " + Rest.lines(out));

    Files.write(in, List.of("third line"), StandardOpenOption.APPEND);
    assertTrue(
        Rest.await(
            FLOW, () -> Rest.lines(out).equals(List.of("first line", "second line", "third line"))),
        "lines copied: " + Rest.lines(out));
    assertRunning(rest, "pipeline-source");
    assertRunning(rest, "pipeline-sink");
    assertEquals(204, rest.delete("/connectors/pipeline-source").status());
    assertEquals(204, rest.delete("/connectors/pipeline-sink").status());
  }

  /** FileStreamSource → topic → MirrorSourceConnector → {@code src.topic} → FileStreamSink. */
  @Test
  void mirrorSourceConnectorReplicatesATopic(RunningCluster cluster, @TempDir Path dir)
      throws IOException {
    Rest rest = new Rest(cluster.connectUrl());
    Path in = dir.resolve("in.txt");
    Path out = dir.resolve("mirrored.txt");
    Files.write(in, List.of("to be mirrored"));
    assertEquals(
        201,
        rest.putConfig(
                "mm-feed",
                Map.of(
                    "connector.class",
                    "FileStreamSource",
                    "file",
                    in.toString(),
                    "topic",
                    "mm-lines"))
            .status());
    assertTrue(
        Rest.await(
            FLOW,
            () ->
                String.valueOf(rest.get("/connectors/mm-feed/topics").json()).contains("mm-lines")),
        "the feed never wrote to mm-lines");

    assertEquals(
        201,
        rest.putConfig(
                "mm-source",
                Map.ofEntries(
                    Map.entry(
                        "connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector"),
                    Map.entry("source.cluster.alias", "src"),
                    Map.entry("target.cluster.alias", "dst"),
                    Map.entry("source.cluster.bootstrap.servers", cluster.bootstrapServers()),
                    Map.entry("target.cluster.bootstrap.servers", cluster.bootstrapServers()),
                    Map.entry("topics", "mm-lines"),
                    Map.entry("replication.factor", "1"),
                    Map.entry("offset-syncs.topic.replication.factor", "1"),
                    Map.entry("sync.topic.acls.enabled", "false"),
                    Map.entry("refresh.topics.interval.seconds", "1"),
                    Map.entry(
                        "key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter"),
                    Map.entry(
                        "value.converter",
                        "org.apache.kafka.connect.converters.ByteArrayConverter")))
            .status());
    assertEquals(
        201,
        rest.putConfig(
                "mm-sink",
                Map.of(
                    "connector.class",
                    "FileStreamSink",
                    "file",
                    out.toString(),
                    "topics",
                    "src.mm-lines"))
            .status());
    assertTrue(
        Rest.await(FLOW, () -> Rest.lines(out).equals(List.of("to be mirrored"))),
        "mirrored lines: "
            + Rest.lines(out)
            + ", status "
            + rest.get("/connectors/mm-source/status").json());
    assertRunning(rest, "mm-source");
    for (String name : List.of("mm-feed", "mm-source", "mm-sink")) {
      assertEquals(204, rest.delete("/connectors/" + name).status());
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertRunning(Rest rest, String name) {
    Map<String, Object> status = rest.get("/connectors/" + name + "/status").map();
    assertEquals(
        "RUNNING", ((Map<String, Object>) status.get("connector")).get("state"), status.toString());
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) status.get("tasks");
    assertEquals(1, tasks.size(), status.toString());
    assertEquals("RUNNING", tasks.get(0).get("state"), status.toString());
  }
}
