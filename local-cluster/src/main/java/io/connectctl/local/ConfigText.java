package io.connectctl.local;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/**
 * The text of the files the children read: the broker's {@code server.properties}, the worker's
 * {@code connect-distributed.properties} and a log4j 2 configuration per child, plus a fresh
 * cluster id for formatting the log directory. Pure text: nothing here touches the disk.
 */
final class ConfigText {
  private ConfigText() {}

  /** A single-node KRaft broker and controller on loopback, keeping its data in {@code logDir}. */
  static String broker(Path logDir, int brokerPort, int controllerPort) {
    return String.join(
        "\n",
        "# Written by connectctl on each start: a single-node KRaft cluster on loopback.",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:"
            + brokerPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + escape(logDir.toString()),
        "num.partitions=1",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=5",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=5",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  /** One Connect worker in distributed mode, talking to the broker on {@code brokerPort}. */
  static String worker(int brokerPort, int workerPort) {
    return String.join(
        "\n",
        "# Written by connectctl on each start: one Connect worker in distributed mode.",
        "bootstrap.servers=127.0.0.1:" + brokerPort,
        "group.id=connectctl-local",
        "key.converter=org.apache.kafka.connect.json.JsonConverter",
        "value.converter=org.apache.kafka.connect.json.JsonConverter",
        "key.converter.schemas.enable=false",
        "value.converter.schemas.enable=false",
        "config.storage.topic=connectctl-local-configs",
        "config.storage.replication.factor=1",
        "offset.storage.topic=connectctl-local-offsets",
        "offset.storage.replication.factor=1",
        "offset.storage.partitions=5",
        "status.storage.topic=connectctl-local-status",
        "status.storage.replication.factor=1",
        "status.storage.partitions=1",
        "offset.flush.interval.ms=1000",
        // one worker: reassign the work of a worker that died at once instead of waiting for it to
        // come back
        "scheduled.rebalance.max.delay.ms=0",
        "listeners=http://127.0.0.1:" + workerPort,
        "rest.advertised.host.name=127.0.0.1",
        "rest.advertised.port=" + workerPort,
        // the plugins sit on the classpath and declare themselves: no slow reflective scan
        "plugin.discovery=service_load",
        "");
  }

  /** A log4j 2 configuration that sends everything the {@code role} logs to {@code logFile}. */
  static String log4j(String role, Path logFile) {
    String file = escape(logFile.toString());
    return String.join(
        "\n",
        "# Written by connectctl: the "
            + role
            + " logs to a file in the data directory, never to the console.",
        "status = warn",
        "appender.file.type = RollingFile",
        "appender.file.name = file",
        "appender.file.fileName = " + file,
        "appender.file.filePattern = " + file + ".%i",
        "appender.file.layout.type = PatternLayout",
        "appender.file.layout.pattern = [%d] %p %m (%c)%n",
        "appender.file.policies.type = Policies",
        "appender.file.policies.size.type = SizeBasedTriggeringPolicy",
        "appender.file.policies.size.size = 10MB",
        "appender.file.strategy.type = DefaultRolloverStrategy",
        "appender.file.strategy.max = 3",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.file.ref = file",
        "");
  }

  /** A new cluster id in the form Kafka's storage tool expects (URL-safe Base64 of a UUID). */
  static String newClusterId() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes =
        ByteBuffer.allocate(16)
            .putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /** Properties files read a backslash as an escape: Windows paths need theirs doubled. */
  private static String escape(String path) {
    return path.replace("\\", "\\\\");
  }
}
