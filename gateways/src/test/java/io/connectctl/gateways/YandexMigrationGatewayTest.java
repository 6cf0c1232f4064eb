package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.ConnectorClientFactory;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connectctl migrate} of a MirrorMaker connector from the Yandex gateway (typed {@code
 * connectorConfigMirrormaker}) to the self-managed worker (a flat {@code MirrorSourceConnector})
 * and back, through the real CLI, the Yandex gateway behind its validating proxy and the real
 * worker under both. {@code --dry-run} shows the translation and sends no write (the requests
 * reaching the gateway and the client calls of both contexts are counted). Both contexts sit over
 * the one sandbox worker, so each move renames the connector.
 */
class YandexMigrationGatewayTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String MIRROR = "org.apache.kafka.connect.mirror.MirrorSourceConnector";
  static final String YANDEX_NAME = "mv-yandex";
  static final String LOCAL_NAME = "mv-local";
  static final String BACK_NAME = "mv-back";
  static final Set<String> WRITES =
      Set.of(
          "create",
          "updateConfig",
          "patchConfig",
          "delete",
          "pause",
          "resume",
          "restart",
          "stop",
          "alterOffsets",
          "resetOffsets");

  @TempDir static Path home;
  static Sandbox sandbox;
  static WorkerView worker;
  static ConnectorClient yandex;
  static final Map<String, String> env = new LinkedHashMap<>();
  static final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void contexts() throws IOException {
    sandbox = SANDBOX.sandbox();
    worker = new WorkerView(sandbox.worker);
    Path config =
        Files.writeString(
            home.resolve("config.yaml"),
            "current-context: local\ncontexts:\n"
                + "  local:\n    vendor: kafka-connect\n    url: "
                + sandbox.worker.url()
                + "\n  local-yandex:\n    vendor: yandex\n    url: "
                + sandbox.yandexProxy.url()
                + "\n    operation-url: "
                + sandbox.yandexProxy.url()
                + "\n    cluster: "
                + sandbox.yandex.clusterId()
                + "\n    credentials: {env: {iam-token: MV_YC_IAM}}\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
    env.put("MV_YC_IAM", "local-iam");
    env.put("PATH", System.getenv().getOrDefault("PATH", ""));
    yandex =
        YandexConnectorClient.builder()
            .baseUrl(sandbox.yandexProxy.url())
            .operationsUrl(sandbox.yandexProxy.url())
            .clusterId(sandbox.yandex.clusterId())
            .credentials(StaticCredentials.bearer("local-iam-token"))
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(100), 1.5, Duration.ofMillis(500)))
            .build();
  }

  /** The three connectors, wherever the test left them: Yandex's through Yandex, the worker's. */
  @AfterAll
  static void deleteConnectors() {
    if (yandex == null) {
      return;
    }
    for (String name : List.of(YANDEX_NAME, BACK_NAME)) {
      try {
        yandex.delete(name).await(WAIT);
      } catch (NotFoundException gone) {
        // never created
      }
    }
    worker.call("DELETE", ConnectWorker.connectorPath(LOCAL_NAME, ""), null);
    yandex.close();
  }

  /** The CLI with its real clients, each client method call recorded as {@code context:method}. */
  static CliRun cli(String... args) {
    VendorClientFactory real = new VendorClientFactory();
    ConnectorClientFactory counting =
        (target, credentials, settings) -> {
          ConnectorClient client = real.create(target, credentials, settings);
          return (ConnectorClient)
              Proxy.newProxyInstance(
                  ConnectorClient.class.getClassLoader(),
                  new Class<?>[] {ConnectorClient.class},
                  (proxy, method, methodArgs) -> {
                    calls.add(target.context() + ":" + method.getName());
                    try {
                      return method.invoke(client, methodArgs);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
        };
    return CliRun.run(env, home, counting, args);
  }

  static CliRun ok(String... args) {
    CliRun run = cli(args);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  /** The write methods among the client calls recorded since {@code from}. */
  static List<String> writesSince(int from) {
    synchronized (calls) {
      return calls.subList(from, calls.size()).stream()
          .filter(c -> WRITES.contains(c.substring(c.indexOf(':') + 1)))
          .toList();
    }
  }

  /** The requests other than GET that reached the Yandex gateway since {@code from}. */
  static List<String> yandexWritesSince(int from) {
    List<String> all = sandbox.yandexProxy.requests();
    return all.subList(from, all.size()).stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  static List<String> workerConnectors() {
    return Json.list(sandbox.worker.get("/connectors").body()).stream()
        .map(Object::toString)
        .sorted()
        .toList();
  }

  /** A Yandex MirrorMaker connector between two aliases of the local broker. */
  static Map<String, String> typedMirror() {
    Map<String, String> spec = new LinkedHashMap<>();
    spec.put("tasksMax", "1");
    spec.put("connectorConfigMirrormaker.topics", "mv-orders.*");
    spec.put("connectorConfigMirrormaker.replicationFactor", "1");
    spec.put("connectorConfigMirrormaker.sourceCluster.alias", "mv-src");
    spec.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers",
        sandbox.bootstrap);
    spec.put("connectorConfigMirrormaker.targetCluster.alias", "mv-dst");
    spec.put(
        "connectorConfigMirrormaker.targetCluster.externalCluster.bootstrapServers",
        sandbox.bootstrap);
    // what a single-broker cluster needs besides the typed fields, as Yandex carries it
    spec.put("properties.offset-syncs.topic.replication.factor", "1");
    spec.put("properties.sync.topic.acls.enabled", "false");
    return spec;
  }

  /**
   * A topic for the connectors to replicate, there before they start: a MirrorSourceConnector
   * without a matching topic runs no task, and looks for new topics only every ten minutes.
   */
  static void createTopic(String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sandbox.bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  @Test
  void mirrorMakerMovesFromYandexToSelfManagedAndBack() throws Exception {
    createTopic("mv-orders.main");
    yandex.create(new ConnectorDefinition(YANDEX_NAME, typedMirror())).await(WAIT);
    assertEquals(ConnectorState.RUNNING, yandex.status(YANDEX_NAME).state());

    // 1. the plan, Yandex -> self-managed: typed becomes flat; nothing is written anywhere
    List<String> before = workerConnectors();
    int requestsBefore = sandbox.yandexProxy.requests().size();
    int callsBefore = calls.size();
    String[] toLocal = {
      "migrate",
      YANDEX_NAME,
      "--from",
      "local-yandex",
      "--to",
      "local",
      "--rename",
      YANDEX_NAME + "=" + LOCAL_NAME,
      "--without-offsets"
    };
    CliRun dry = ok(concat(toLocal, "--dry-run"));
    String plan = dry.out();
    for (String line :
        List.of(
            "migrate connector/"
                + YANDEX_NAME
                + ": context local-yandex (yandex) -> context local (kafka-connect) as "
                + LOCAL_NAME,
            "    connector.class: " + MIRROR,
            "    tasks.max: 1",
            "    topics: mv-orders.*",
            "    replication.factor: 1",
            "    source.cluster.alias: mv-src",
            "    source.cluster.bootstrap.servers: " + sandbox.bootstrap,
            "    target.cluster.alias: mv-dst",
            "    target.cluster.bootstrap.servers: " + sandbox.bootstrap,
            "    offset-syncs.topic.replication.factor: 1",
            "    sync.topic.acls.enabled: false",
            "  note: yandex connectorConfigMirrormaker becomes " + MIRROR,
            "  target: created RUNNING",
            "  (dry run: nothing changed)")) {
      assertTrue(plan.lines().anyMatch(line::equals), () -> "no line '" + line + "' in\n" + dry);
    }
    assertFalse(plan.contains("connectorConfigMirrormaker."), plan);
    assertEquals(List.of(), writesSince(callsBefore), "a dry run calls no write method");
    assertTrue(
        sandbox.yandexProxy.requests().size() > requestsBefore, "the plan reads through Yandex");
    assertEquals(List.of(), yandexWritesSince(requestsBefore), "a dry run sends Yandex no write");
    assertEquals(before, workerConnectors(), "a dry run creates nothing on the worker");
    assertEquals(ConnectorState.RUNNING, yandex.status(YANDEX_NAME).state());

    // 2. the migration: the flat MirrorSourceConnector runs on the worker, Yandex's is paused
    CliRun moved = ok(toLocal);
    assertTrue(
        moved
            .out()
            .contains("connector/" + YANDEX_NAME + " migrated to context local as " + LOCAL_NAME),
        moved::toString);
    assertTrue(
        moved.out().contains("step leave-source: source left PAUSED"),
        () -> "Yandex cannot stop: the default --source-after stopped leaves it paused\n" + moved);
    worker.await(
        LOCAL_NAME,
        s ->
            s != null
                && "RUNNING".equals(Json.str(Json.obj(s.get("connector")).get("state")))
                && !Json.list(s.get("tasks")).isEmpty()
                && Json.list(s.get("tasks")).stream()
                    .allMatch(t -> "RUNNING".equals(Json.str(Json.obj(t).get("state")))),
        WAIT);
    Map<String, String> flat = worker.config(LOCAL_NAME);
    assertEquals(MIRROR, flat.get("connector.class"), flat::toString);
    assertEquals("mv-orders.*", flat.get("topics"));
    assertEquals("1", flat.get("tasks.max"));
    assertEquals(sandbox.bootstrap, flat.get("source.cluster.bootstrap.servers"));
    assertEquals(sandbox.bootstrap, flat.get("target.cluster.bootstrap.servers"));
    assertEquals("mv-src", flat.get("source.cluster.alias"));
    assertEquals("mv-dst", flat.get("target.cluster.alias"));
    assertEquals("1", flat.get("offset-syncs.topic.replication.factor"));
    assertEquals(ConnectorState.PAUSED, yandex.status(YANDEX_NAME).state());
    assertEquals("PAUSED", worker.state(YANDEX_NAME), "the worker under Yandex paused it too");
    assertEquals(typedMirror(), typed(YANDEX_NAME), "Yandex's config is left as it was");

    // 3. and back, self-managed -> Yandex: flat becomes typed
    String[] toYandex = {
      "migrate",
      LOCAL_NAME,
      "--from",
      "local",
      "--to",
      "local-yandex",
      "--rename",
      LOCAL_NAME + "=" + BACK_NAME,
      "--without-offsets"
    };
    List<String> beforeBack = workerConnectors();
    int requestsBeforeBack = sandbox.yandexProxy.requests().size();
    int callsBeforeBack = calls.size();
    CliRun dryBack = ok(concat(toYandex, "--dry-run"));
    for (String line :
        List.of(
            "    connectorConfigMirrormaker.topics: mv-orders.*",
            "    connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers: "
                + sandbox.bootstrap,
            "    connectorConfigMirrormaker.targetCluster.alias: mv-dst",
            "    tasksMax: 1",
            "    properties.offset-syncs.topic.replication.factor: 1",
            "  note: " + MIRROR + " becomes yandex connectorConfigMirrormaker",
            "  (dry run: nothing changed)")) {
      assertTrue(
          dryBack.out().lines().anyMatch(line::equals),
          () -> "no line '" + line + "' in\n" + dryBack);
    }
    assertEquals(List.of(), writesSince(callsBeforeBack));
    assertEquals(List.of(), yandexWritesSince(requestsBeforeBack));
    assertEquals(beforeBack, workerConnectors());

    CliRun back = ok(toYandex);
    assertTrue(
        back.out().contains("migrated to context local-yandex as " + BACK_NAME), back::toString);
    assertEquals(ConnectorState.RUNNING, yandex.status(BACK_NAME).state());
    assertEquals(
        typedMirror(),
        typed(BACK_NAME),
        "the typed config arrives as it left Yandex, properties too");
    assertEquals(MIRROR, worker.config(BACK_NAME).get("connector.class"));
    assertEquals("RUNNING", worker.state(BACK_NAME));
    assertEquals("STOPPED", worker.state(LOCAL_NAME), "the self-managed source is left STOPPED");
  }

  /** Yandex's typed config of {@code name}, as the facade reads it, without read-only fields. */
  static Map<String, String> typed(String name) {
    Map<String, String> config = new LinkedHashMap<>(yandex.getConnector(name).config());
    config.remove("name");
    return config;
  }

  static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
