package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.yandex.model.UpdateConnectorRequest;
import io.connectctl.facade.errors.InvalidRequestException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Diffs of flat configs as update masks and the pruned PATCH bodies they are written as. */
class YandexUpdatePlanTest {
  private static final Moshi MOSHI =
      ModelJson.addTo(new Moshi.Builder().add(UpdateBodyJson.FACTORY)).build();
  private static final String MM = "connectorConfigMirrormaker.";

  private static Map<String, String> current(String fixture) {
    return YandexConfigMapping.flatten(YandexFixtures.connector(fixture));
  }

  private static Map<String, String> desired(
      String fixture, Map<String, String> changes, String... removed) {
    Map<String, String> config = new LinkedHashMap<>(current(fixture));
    config.putAll(changes);
    for (String key : removed) {
      config.remove(key);
    }
    return config;
  }

  private static YandexUpdatePlan plan(String fixture, Map<String, String> desired) {
    return YandexUpdatePlan.plan("c", current(fixture), desired).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> wire(YandexUpdatePlan plan) throws IOException {
    String json = MOSHI.adapter(UpdateConnectorRequest.class).toJson(plan.request());
    return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(json);
  }

  @Test
  void noChangeNoPlan() {
    assertEquals(
        Optional.empty(),
        YandexUpdatePlan.plan(
            "c", current(YandexFixtures.MIRRORMAKER), current(YandexFixtures.MIRRORMAKER)));
  }

  @Test
  void tasksMaxOnly() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of("tasksMax", "5")));

    assertEquals("connectorSpec.tasksMax", plan.updateMask());
    assertEquals(
        Map.of("updateMask", "connectorSpec.tasksMax", "connectorSpec", Map.of("tasksMax", "5")),
        wire(plan));
  }

  @Test
  void onePropertySendsTheWholeMapUnderOnePath() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(
                YandexFixtures.MIRRORMAKER,
                Map.of("properties.refresh.topics.interval.seconds", "30")));

    assertEquals("connectorSpec.properties", plan.updateMask());
    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.properties",
            "connectorSpec",
            Map.of(
                "properties",
                Map.of(
                    "sync.topics.config.enabled",
                    "true",
                    "refresh.topics.interval.seconds",
                    "30"))),
        wire(plan));
  }

  @Test
  void removedPropertyIsDroppedFromTheMap() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of(), "properties.sync.topics.config.enabled"));

    assertEquals("connectorSpec.properties", plan.updateMask());
    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.properties",
            "connectorSpec",
            Map.of("properties", Map.of("refresh.topics.interval.seconds", "60"))),
        wire(plan));
  }

  @Test
  void removingEveryPropertySendsAnEmptyMap() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(
                YandexFixtures.MIRRORMAKER,
                Map.of(),
                "properties.sync.topics.config.enabled",
                "properties.refresh.topics.interval.seconds"));

    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.properties",
            "connectorSpec",
            Map.of("properties", Map.of())),
        wire(plan));
  }

  @Test
  void mirrormakerTopicsChange() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of(MM + "topics", "orders.*,refunds")));

    assertEquals("connectorSpec.connectorConfigMirrormaker.topics", plan.updateMask());
    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.connectorConfigMirrormaker.topics",
            "connectorSpec",
            Map.of("connectorConfigMirrormaker", Map.of("topics", "orders.*,refunds"))),
        wire(plan));
  }

  @Test
  void severalChangesGiveASortedMask() {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(
                YandexFixtures.MIRRORMAKER,
                Map.of("tasksMax", "4", MM + "topics", "x", "properties.new.key", "v")));

    assertEquals(
        "connectorSpec.connectorConfigMirrormaker.topics,connectorSpec.properties,connectorSpec.tasksMax",
        plan.updateMask());
    assertEquals(
        List.of("connectorConfigMirrormaker.topics", "properties.new.key", "tasksMax"),
        plan.changedKeys());
  }

  @Test
  void leafInsideAClusterConnectionIsSentWithoutTheConnectionKind() throws IOException {
    // In an update the ClusterConnection may leave its kind unset (UpdateClusterConnection): only
    // the masked leaf goes.
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of(MM + "sourceCluster.alias", "origin")));

    assertEquals("connectorSpec.connectorConfigMirrormaker.sourceCluster.alias", plan.updateMask());
    assertEquals(
        Map.of("connectorConfigMirrormaker", Map.of("sourceCluster", Map.of("alias", "origin"))),
        wire(plan).get("connectorSpec"));
  }

  @Test
  void missingWriteOnlySecretIsNotARemovalAndAGivenOneIsSent() throws IOException {
    String password = MM + "sourceCluster.externalCluster.saslPassword";
    assertEquals(
        Optional.empty(),
        YandexUpdatePlan.plan(
            "c",
            current(YandexFixtures.MIRRORMAKER),
            desired(YandexFixtures.MIRRORMAKER, Map.of())),
        "a config without the password keeps it");

    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of(password, "n3w-pa55")));

    assertEquals("connectorSpec." + password, plan.updateMask());
    assertEquals(
        Map.of(
            "connectorConfigMirrormaker",
            Map.of("sourceCluster", Map.of("externalCluster", Map.of("saslPassword", "n3w-pa55")))),
        wire(plan).get("connectorSpec"));
    assertTrue(!plan.toString().contains("n3w-pa55"), "the plan's toString shows no secret");
  }

  @Test
  void removedFieldTheServerReturnedIsMaskedAndLeftOut() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(YandexFixtures.MIRRORMAKER, Map.of(), MM + "replicationFactor"));

    assertEquals("connectorSpec.connectorConfigMirrormaker.replicationFactor", plan.updateMask());
    assertEquals(Map.of("connectorConfigMirrormaker", Map.of()), wire(plan).get("connectorSpec"));
  }

  @Test
  void switchingTargetToAnExternalCluster() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.MIRRORMAKER,
            desired(
                YandexFixtures.MIRRORMAKER,
                Map.of(MM + "targetCluster.externalCluster.bootstrapServers", "ext:9091"),
                MM + "targetCluster.thisCluster"));

    assertEquals(
        "connectorSpec.connectorConfigMirrormaker.targetCluster.externalCluster.bootstrapServers,"
            + "connectorSpec.connectorConfigMirrormaker.targetCluster.thisCluster",
        plan.updateMask());
    assertEquals(
        Map.of(
            "connectorConfigMirrormaker",
            Map.of(
                "targetCluster",
                Map.of("externalCluster", Map.of("bootstrapServers", "ext:9091")))),
        wire(plan).get("connectorSpec"));
  }

  @Test
  void s3SinkTopics() throws IOException {
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.S3_SINK,
            desired(
                YandexFixtures.S3_SINK, Map.of("connectorConfigS3Sink.topics", "orders,refunds")));

    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.connectorConfigS3Sink.topics",
            "connectorSpec",
            Map.of("connectorConfigS3Sink", Map.of("topics", "orders,refunds"))),
        wire(plan));
  }

  @Test
  void icebergBooleanTravelsAsJsonBoolean() throws IOException {
    String key = "connectorConfigIcebergSink.tablesConfig.schemaForceOptional";
    YandexUpdatePlan plan =
        plan(
            YandexFixtures.ICEBERG_SINK, desired(YandexFixtures.ICEBERG_SINK, Map.of(key, "true")));

    assertEquals(
        Map.of(
            "connectorConfigIcebergSink",
            Map.of("tablesConfig", Map.of("schemaForceOptional", true))),
        wire(plan).get("connectorSpec"));
  }

  @Test
  void refusesFieldsFixedAtCreation() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexUpdatePlan.plan(
                    "orders",
                    current(YandexFixtures.S3_SINK),
                    desired(
                        YandexFixtures.S3_SINK,
                        Map.of("connectorConfigS3Sink.fileCompressionType", "zstd"))));

    assertTrue(
        e.getMessage().contains("connectorConfigS3Sink.fileCompressionType is fixed"),
        e.getMessage());
    assertEquals("connectorConfigS3Sink.fileCompressionType", e.violations().get(0).field());
  }

  @Test
  void refusesAnotherConnectorKind() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                YandexUpdatePlan.plan(
                    "orders",
                    current(YandexFixtures.S3_SINK),
                    current(YandexFixtures.MIRRORMAKER)));

    assertTrue(e.getMessage().contains("cannot change a connector's kind"), e.getMessage());
  }

  @Test
  void requestWithoutMaskIsWrittenWhole() throws IOException {
    UpdateConnectorRequest request =
        new UpdateConnectorRequest(
            null, YandexConfigMapping.toUpdateSpec("c", Map.of("tasksMax", "2")));

    String json = MOSHI.adapter(UpdateConnectorRequest.class).toJson(request);

    assertEquals("{\"connectorSpec\":{\"tasksMax\":\"2\",\"properties\":{}}}", json);
  }
}
