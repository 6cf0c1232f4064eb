package io.connectctl.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: Prism starts, answers, reports violations, stops; missing tools give clear
 * messages.
 */
class PrismServerTest {
  @Test
  void startsAnswersWithExamplesFlagsViolationsAndStops() throws Exception {
    int port;
    try (PrismServer prism = PrismServer.start(Specs.path(Specs.CONFLUENT))) {
      port = prism.port();
      HttpURLConnection ok =
          open(prism, "connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7/connector-plugins");
      assertEquals(200, ok.getResponseCode());
      assertNull(ok.getHeaderField("sl-violations"));

      HttpURLConnection noAuth =
          (HttpURLConnection)
              URI.create(
                      prism.baseUrl()
                          + "connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7/connector-plugins")
                  .toURL()
                  .openConnection();
      assertEquals(401, noAuth.getResponseCode());
      assertTrue(
          noAuth.getHeaderField("sl-violations").contains("security"),
          noAuth.getHeaderField("sl-violations"));
    }
    HttpURLConnection after =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
    after.setConnectTimeout(500);
    assertThrows(java.io.IOException.class, after::getResponseCode, "Prism should be stopped");
  }

  @Test
  void dynamicServersWithTheSameSeedAnswerTheSame() throws Exception {
    String path = "connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7/connectors/orders/status";
    String first;
    String second;
    try (PrismServer a = PrismServer.startDynamic(Specs.path(Specs.CONFLUENT), 7)) {
      first = new String(open(a, path).getInputStream().readAllBytes());
    }
    try (PrismServer b = PrismServer.startDynamic(Specs.path(Specs.CONFLUENT), 7)) {
      second = new String(open(b, path).getInputStream().readAllBytes());
    }
    assertEquals(first, second);
    assertNotEquals("", first);
  }

  @Test
  void missingPrismSaysHowToInstallIt() {
    String previous = System.getProperty("connectctl.prism");
    System.setProperty("connectctl.prism", "/nonexistent/prism");
    try {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> PrismServer.start(Specs.path(Specs.YANDEX)));
      assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
    } finally {
      if (previous == null) {
        System.clearProperty("connectctl.prism");
      } else {
        System.setProperty("connectctl.prism", previous);
      }
    }
  }

  @Test
  void comparisonTreatsAbsentNullAndEmptyAlikeButNotOtherValues() {
    assertEquals(
        JsonComparison.normalize(Map.of("a", 1)),
        JsonComparison.normalize(
            new java.util.HashMap<>(Map.of("a", 1.0, "b", java.util.List.of()))));
    assertEquals(
        JsonComparison.normalize(Map.of("t", "2025-03-14T09:23:15.550Z")),
        JsonComparison.normalize(Map.of("t", "2025-03-14T09:23:15.55Z")));
    assertNotEquals(
        JsonComparison.normalize(Map.of("a", 1)), JsonComparison.normalize(Map.of("a", 2)));
    assertNotEquals(
        JsonComparison.normalize(Map.of("a", "x")),
        JsonComparison.normalize(Map.of("a", "x", "b", "y")));
  }

  private static HttpURLConnection open(PrismServer prism, String path) throws Exception {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(prism.baseUrl() + path).toURL().openConnection();
    c.setRequestProperty(
        "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("k:s".getBytes()));
    return c;
  }
}
