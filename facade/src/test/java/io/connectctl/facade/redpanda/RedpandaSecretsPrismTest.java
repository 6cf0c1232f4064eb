package io.connectctl.facade.redpanda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectCluster;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.SecretFilter;
import io.connectctl.facade.SecretValues;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.testing.PrismTraffic;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connector secrets and Connect clusters of the Redpanda client against Prism serving the Redpanda
 * spec.
 */
class RedpandaSecretsPrismTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.REDPANDA);

  private static final String SECRETS = "/v1/kafka-connect/clusters/redpanda/secrets";

  private final List<RedpandaConnectorClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(RedpandaConnectorClient::close);
  }

  private RedpandaConnectorClient client(PrismTraffic traffic) {
    RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl(PRISM.server().baseUrl())
            .credentials(StaticCredentials.bearer("test-redpanda-token"))
            .okHttpClient(traffic.client())
            .retryPolicy(RetryPolicy.none())
            .build();
    clients.add(client);
    return client;
  }

  /** First page: the {@code first-page} example; with a token: {@code last-page}. */
  private static PrismTraffic paged() {
    return new PrismTraffic()
        .prefer(
            r ->
                r.method().equals("GET") && r.url().encodedPath().endsWith(SECRETS)
                    ? (r.url().queryParameter("page_token") == null
                        ? "example=first-page"
                        : "example=last-page")
                    : null);
  }

  @Test
  void capabilitiesIncludeSecretsAndClusters() {
    RedpandaConnectorClient client = client(new PrismTraffic());
    assertTrue(client.capabilities().supports(Capability.SECRETS));
    assertTrue(client.capabilities().supports(Capability.CLUSTERS));
  }

  @Test
  void listFollowsPagesLazily() {
    PrismTraffic traffic = paged();
    RedpandaConnectorClient client = client(traffic);
    Iterator<ConnectorSecret> it = client.secrets().list().iterator();
    assertEquals(0, traffic.count(), "nothing is fetched before iteration");
    ConnectorSecret first = it.next();
    assertEquals(1, traffic.count(), "one page for the first item");
    assertEquals("orders-pg-source", first.name());
    assertEquals(Map.of("owner", "data-platform", "connector", "orders-pg-source"), first.labels());
    assertEquals(List.of("SCOPE_REDPANDA_CONNECT"), first.scopes());
    List<String> rest = new ArrayList<>();
    it.forEachRemaining(s -> rest.add(s.name()));
    assertEquals(List.of("orders-s3-sink", "payments-mm2-source"), rest);
    assertEquals(2, traffic.count());
    assertEquals(
        "aWQ9b3JkZXJzLXMzLXNpbms=", traffic.exchanges().get(1).url().queryParameter("page_token"));
    traffic.exchanges().forEach(e -> assertNull(e.violations(), e::toString));
  }

  @Test
  void filtersTravelAsTheApiQueryParameters() {
    PrismTraffic traffic = new PrismTraffic();
    RedpandaConnectorClient client = client(traffic);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("owner", "data-platform");
    labels.put("team", "orders");
    List<ConnectorSecret> found =
        client
            .secrets()
            .list(
                SecretFilter.ALL
                    .withNameContains("orders")
                    .withLabels(labels)
                    .withScopes(List.of("SCOPE_REDPANDA_CONNECT", "SCOPE_REDPANDA_CLUSTER")))
            .toList();
    assertFalse(found.isEmpty());
    PrismTraffic.Exchange sent = traffic.exchanges().get(0);
    assertNull(sent.violations(), sent::toString);
    assertEquals("orders", sent.url().queryParameter("filter.name_contains"));
    assertEquals("data-platform", sent.url().queryParameter("filter.labels[owner]"));
    assertEquals("orders", sent.url().queryParameter("filter.labels[team]"));
    assertEquals(
        List.of("SCOPE_REDPANDA_CONNECT", "SCOPE_REDPANDA_CLUSTER"),
        sent.url().queryParameterValues("filter.scopes"));
    assertEquals("100", sent.url().queryParameter("page_size"));
  }

  @Test
  void noFilterSendsNoFilterParameters() {
    PrismTraffic traffic = new PrismTraffic();
    client(traffic).secrets().list().toList();
    PrismTraffic.Exchange sent = traffic.exchanges().get(0);
    assertFalse(sent.query().contains("filter"), sent::toString);
  }

  @Test
  void badFiltersAreRefusedBeforeSending() {
    PrismTraffic traffic = new PrismTraffic();
    RedpandaConnectorClient client = client(traffic);
    assertThrows(
        InvalidRequestException.class,
        () -> client.secrets().list(SecretFilter.ALL.withNameContains("has space")));
    assertThrows(
        InvalidRequestException.class,
        () -> client.secrets().list(SecretFilter.ALL.withLabels(Map.of("a[b]", "x"))));
    assertEquals(0, traffic.count());
  }

  @Test
  void getReturnsMetadataOnly() {
    PrismTraffic traffic = new PrismTraffic();
    ConnectorSecret secret = client(traffic).secrets().get("orders-pg-source");
    assertEquals(
        new ConnectorSecret(
            "orders-pg-source",
            Map.of("owner", "data-platform", "connector", "orders-pg-source"),
            List.of("SCOPE_REDPANDA_CONNECT")),
        secret);
    assertEquals(SECRETS + "/orders-pg-source", traffic.exchanges().get(0).path());
  }

  @Test
  void createSendsBase64JsonOfTheValuesAndLabels() {
    PrismTraffic traffic = new PrismTraffic();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("database.password", "pg-Repl1cation!2024");
    values.put("database.user", "debezium");
    ConnectorSecret created =
        client(traffic)
            .secrets()
            .create("orders-pg-source", SecretValues.of(values), Map.of("owner", "data-platform"));
    assertEquals("orders-pg-source", created.name());
    PrismTraffic.Exchange sent = traffic.matching("POST", SECRETS).get(0);
    assertNull(sent.violations(), sent::toString);
    assertEquals(201, sent.code());
    Map<?, ?> body = json(sent.body());
    assertEquals("orders-pg-source", body.get("name"));
    assertEquals(Map.of("owner", "data-platform"), body.get("labels"));
    String decoded =
        new String(
            Base64.getDecoder().decode((String) body.get("secret_data")), StandardCharsets.UTF_8);
    assertEquals(
        "{\"database.password\":\"pg-Repl1cation!2024\",\"database.user\":\"debezium\"}", decoded);
  }

  @Test
  void updateReplacesValuesAndLabels() {
    PrismTraffic traffic = new PrismTraffic();
    ConnectorSecret updated =
        client(traffic)
            .secrets()
            .update(
                "orders-pg-source",
                SecretValues.of("database.password", "pg-R0tated!2025-q1"),
                Map.of("rotated", "2025-q1"));
    assertEquals("2025-q1", updated.labels().get("rotated"));
    PrismTraffic.Exchange sent = traffic.matching("PUT", SECRETS + "/orders-pg-source").get(0);
    assertNull(sent.violations(), sent::toString);
    Map<?, ?> body = json(sent.body());
    assertEquals(Map.of("rotated", "2025-q1"), body.get("labels"));
    assertEquals(
        "{\"database.password\":\"pg-R0tated!2025-q1\"}",
        new String(
            Base64.getDecoder().decode((String) body.get("secret_data")), StandardCharsets.UTF_8));
  }

  @Test
  void deleteSendsOneRequest() {
    PrismTraffic traffic = new PrismTraffic();
    client(traffic).secrets().delete("orders-pg-source");
    List<PrismTraffic.Exchange> sent = traffic.matching("DELETE", SECRETS + "/orders-pg-source");
    assertEquals(1, sent.size());
    assertEquals(204, sent.get(0).code());
    assertNull(sent.get(0).violations());
  }

  @Test
  void errorsMapToTheirKinds() {
    PrismTraffic traffic =
        new PrismTraffic()
            .prefer("GET", SECRETS + "/missing", "code=404")
            .prefer("POST", SECRETS, "code=409");
    RedpandaConnectorClient client = client(traffic);
    NotFoundException missing =
        assertThrows(NotFoundException.class, () -> client.secrets().get("missing"));
    assertTrue(missing.getMessage().contains("secret 'missing'"), missing.getMessage());
    ConflictException exists =
        assertThrows(
            ConflictException.class,
            () ->
                client
                    .secrets()
                    .create(
                        "orders-pg-source",
                        SecretValues.of("database.password", "conflict-value-1"),
                        Map.of()));
    assertFalse(exists.getMessage().contains("conflict-value-1"), exists.getMessage());
  }

  @Test
  void badNamesAreRefusedBeforeSending() {
    PrismTraffic traffic = new PrismTraffic();
    RedpandaConnectorClient client = client(traffic);
    SecretValues values = SecretValues.of("k", "value-never-sent");
    for (String bad : new String[] {"", "has space", "..", "x".repeat(256), "semi;colon"}) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () -> client.secrets().create(bad, values, Map.of()),
              bad);
      assertEquals(0, e.httpStatus());
    }
    assertThrows(InvalidRequestException.class, () -> client.secrets().get("has space"));
    assertThrows(InvalidRequestException.class, () -> client.secrets().delete(""));
    assertThrows(
        InvalidRequestException.class, () -> client.secrets().create("ok", null, Map.of()));
    assertEquals(0, traffic.count());
  }

  @Test
  void clustersWithVersionAndPlugins() {
    PrismTraffic traffic = new PrismTraffic();
    RedpandaConnectorClient client = client(traffic);
    List<ConnectCluster> all = client.clusters().list();
    assertEquals(1, all.size());
    ConnectCluster listed = all.get(0);
    assertEquals("redpanda", listed.name());
    assertEquals("3.8.0", listed.version());
    assertEquals("771b9576b00ecf5b", listed.commit());
    assertEquals("redpanda.9e2b6c1f-4d0a-4a7e-b2a1-3f6c8d5e7a90", listed.kafkaClusterId());
    assertTrue(
        listed
            .plugins()
            .contains(
                new PluginInfo(
                    "io.debezium.connector.postgresql.PostgresConnector",
                    ConnectorType.SOURCE,
                    "2.7.3.Final")));
    ConnectCluster one = client.clusters().get("redpanda");
    assertEquals(listed, one);
    assertEquals("/v1/kafka-connect/clusters/redpanda", traffic.exchanges().get(1).path());
    assertThrows(InvalidRequestException.class, () -> client.clusters().get("no/slash"));
    assertEquals(2, traffic.count());
  }

  @Test
  void missingClusterIsNotFound() {
    PrismTraffic traffic = new PrismTraffic().prefer("GET", "/clusters/analytics", "code=404");
    assertThrows(NotFoundException.class, () -> client(traffic).clusters().get("analytics"));
  }

  private static Map<?, ?> json(String text) {
    try {
      return new com.squareup.moshi.Moshi.Builder().build().adapter(Map.class).fromJson(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
