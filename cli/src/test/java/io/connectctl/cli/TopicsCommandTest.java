package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code topics}: the topics a connector uses. */
class TopicsCommandTest extends FakeCliTest {
  @Test
  void topicsListsTheTopics() {
    CliRun topics = cli("topics", "orders-sink", "-o", "json");
    assertEquals(List.of("orders", "payments"), topics.jsonObject().get("topics"));
  }
}
