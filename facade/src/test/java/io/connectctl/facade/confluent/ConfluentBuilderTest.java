package io.connectctl.facade.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnauthorizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link ConfluentConnectorClient.Builder} requires and checks; nothing here sends a request.
 */
class ConfluentBuilderTest {
  private static final String SECRET = "builder-secret-7Hq2";

  private static ConfluentConnectorClient.Builder complete() {
    return ConfluentConnectorClient.builder()
        .environment("env-a1b2c3")
        .kafkaCluster("lkc-x9y8z7")
        .credentials(StaticCredentials.basic("TESTKEY", SECRET));
  }

  @Test
  void defaultsToConfluentCloud() {
    try (ConfluentConnectorClient client = complete().build()) {
      assertEquals("env-a1b2c3", client.environment());
      assertEquals("lkc-x9y8z7", client.kafkaCluster());
      assertEquals(Vendor.CONFLUENT, client.vendor());
      assertEquals(
          "ConfluentConnectorClient[environment=env-a1b2c3, kafkaCluster=lkc-x9y8z7, "
              + "baseUrl=https://api.confluent.cloud/]",
          client.toString());
      assertFalse(client.toString().contains(SECRET));
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void environmentIsRequired(String environment) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> complete().environment(environment).build());

    assertTrue(e.getMessage().startsWith("environment is required"), e.getMessage());
    assertEquals("environment", e.violations().get(0).field());
    assertEquals(Vendor.CONFLUENT, e.vendor());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void kafkaClusterIsRequired(String cluster) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> complete().kafkaCluster(cluster).build());

    assertTrue(e.getMessage().startsWith("kafkaCluster is required"), e.getMessage());
    assertEquals("kafkaCluster", e.violations().get(0).field());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://api.confluent.cloud", ""})
  void aBaseUrlThatIsNotHttpIsRefusedNamingTheSetting(String url) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> complete().baseUrl(url).build());

    assertTrue(e.getMessage().startsWith("baseUrl "), e.getMessage());
    assertEquals("baseUrl", e.violations().get(0).field());
  }

  @Test
  void plainHttpOffLoopbackNeedsExplicitPermission() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> complete().baseUrl("http://connect.example.com").build());
    assertEquals("baseUrl", e.violations().get(0).field());

    try (ConfluentConnectorClient client =
        complete().baseUrl("http://connect.example.com").allowInsecureHttp(true).build()) {
      assertTrue(
          client.toString().contains("baseUrl=http://connect.example.com/"), client.toString());
    }
    try (ConfluentConnectorClient client = complete().baseUrl("http://127.0.0.1:8080").build()) {
      assertTrue(client.toString().contains("baseUrl=http://127.0.0.1:8080/"), client.toString());
    }
  }

  @Test
  void missingSettingsAreReportedBeforeMissingCredentials() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> ConfluentConnectorClient.builder().kafkaCluster("lkc-x9y8z7").build());
    assertEquals("environment", e.violations().get(0).field());
  }

  @Test
  void withoutCredentialsTheEnvironmentVariablesAreNamed() {
    assumeTrue(
        System.getenv("CONFLUENT_CLOUD_API_KEY") == null
            || System.getenv("CONFLUENT_CLOUD_API_SECRET") == null,
        "Confluent credentials are set in this environment");

    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                ConfluentConnectorClient.builder()
                    .environment("env-a1b2c3")
                    .kafkaCluster("lkc-x9y8z7")
                    .build());

    assertTrue(
        e.getMessage().contains("CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET"),
        e.getMessage());
  }
}
