package io.connectctl.gateways;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Translates a Yandex MirrorMaker connector spec into the worker config of a real {@code
 * MirrorSourceConnector} between its two clusters. {@code thisCluster} stands for the local broker;
 * an external cluster's SASL settings become a JAAS config. A spec that lacks what the worker needs
 * is refused with INVALID_ARGUMENT.
 */
final class MirrorMakerTranslation {
  private final String bootstrapServers;

  /** A translation in which {@code thisCluster} is the broker at {@code bootstrapServers}. */
  MirrorMakerTranslation(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The worker config of a MirrorMaker connector: a MirrorSourceConnector between the two clusters.
   */
  Map<String, String> workerConfig(String name, Map<String, Object> spec) {
    Map<String, Object> mm = Json.obj(spec.get("connectorConfigMirrormaker"));
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "org.apache.kafka.connect.mirror.MirrorSourceConnector");
    config.put("name", name);
    config.put("tasks.max", Objects.requireNonNullElse(Json.str(spec.get("tasksMax")), "1"));
    String topics = Json.str(mm.get("topics"));
    if (topics == null || topics.isBlank()) {
      throw YandexErrors.fail(
          3,
          "connectorSpec.connectorConfigMirrormaker.topics: the topics to replicate are required");
    }
    config.put("topics", topics);
    config.put(
        "replication.factor",
        Objects.requireNonNullElse(Json.str(mm.get("replicationFactor")), "1"));
    cluster("source", Json.obj(mm.get("sourceCluster")), config);
    cluster("target", Json.obj(mm.get("targetCluster")), config);
    config.put("offset-syncs.topic.replication.factor", "1");
    config.put("sync.topic.acls.enabled", "false");
    config.put("refresh.topics.interval.seconds", "5");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    Map<String, String> properties = Json.stringMap(spec.get("properties"));
    if (properties != null) {
      config.putAll(properties);
    }
    return config;
  }

  /** The {@code source.cluster.*} or {@code target.cluster.*} keys of one side. */
  private void cluster(String side, Map<String, Object> connection, Map<String, String> config) {
    String alias = Objects.requireNonNullElse(Json.str(connection.get("alias")), side);
    config.put(side + ".cluster.alias", alias);
    if (connection.containsKey("externalCluster")) {
      Map<String, Object> ext = Json.obj(connection.get("externalCluster"));
      String servers = Json.str(ext.get("bootstrapServers"));
      if (servers == null || servers.isBlank()) {
        throw YandexErrors.fail(
            3,
            "connectorSpec.connectorConfigMirrormaker."
                + side
                + "Cluster.externalCluster.bootstrapServers is required");
      }
      String prefix = side + ".cluster.";
      config.put(prefix + "bootstrap.servers", servers);
      String protocol = Json.str(ext.get("securityProtocol"));
      if (protocol != null && !protocol.isEmpty()) {
        config.put(prefix + "security.protocol", protocol);
      }
      String mechanism = Json.str(ext.get("saslMechanism"));
      if (mechanism != null && !mechanism.isEmpty()) {
        config.put(prefix + "sasl.mechanism", mechanism);
        String module =
            mechanism.startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        config.put(
            prefix + "sasl.jaas.config",
            module
                + " required username=\""
                + Objects.requireNonNullElse(Json.str(ext.get("saslUsername")), "")
                + "\" password=\""
                + Objects.requireNonNullElse(Json.str(ext.get("saslPassword")), "")
                + "\";");
      }
    } else if (connection.containsKey("thisCluster")) {
      config.put(side + ".cluster.bootstrap.servers", bootstrapServers);
    } else {
      throw YandexErrors.fail(
          3,
          "connectorSpec.connectorConfigMirrormaker."
              + side
              + "Cluster: one of thisCluster and externalCluster is required");
    }
  }
}
