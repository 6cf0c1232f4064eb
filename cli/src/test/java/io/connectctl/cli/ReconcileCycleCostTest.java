package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectctl.cli.commands.RootCommand;
import io.connectctl.cli.reconcile.ReconcileRun;
import io.connectctl.cli.reconcile.Reconciler;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.Vendor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What one {@code reconcile} cycle costs for 10,000 connectors across 20 contexts, all as declared
 * and healthy: the calls it makes (one listing per context plus one read per declared connector, no
 * write) and the CPU it takes (printed, for the README's bench section).
 */
class ReconcileCycleCostTest {
  static final int CONTEXTS = 20;
  static final int PER_CONTEXT = 500;

  @TempDir Path home;

  @Test
  void oneCycleOverTenThousandConnectorsReadsEachOnceAndWritesNothing() throws Exception {
    StringBuilder config = new StringBuilder("contexts:\n");
    Path files = Files.createDirectories(home.resolve("connectors"));
    Map<String, FakeConnectorClient> fakes = new LinkedHashMap<>();
    Map<String, String> connectorConfig =
        Map.of("connector.class", "io.example.Sink", "topics", "t");
    for (int c = 0; c < CONTEXTS; c++) {
      String context = "ctx-" + c;
      config
          .append("  ")
          .append(context)
          .append(":\n    vendor: kafka-connect\n    url: http://")
          .append(context)
          .append(".invalid\n");
      FakeConnectorClient fake = FakeConnectorClient.of(Vendor.KAFKA_CONNECT);
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < PER_CONTEXT; i++) {
        String name = "c" + c + "-" + i;
        fake.with(name, ConnectorState.RUNNING, connectorConfig);
        fake.statuses.put(name, ReconcileFakeTest.healthy(name));
        yaml.append("---\nname: ")
            .append(name)
            .append("\ncontext: ")
            .append(context)
            .append("\nconfig:\n  connector.class: io.example.Sink\n  topics: t\n");
      }
      Files.writeString(files.resolve(context + ".yaml"), yaml);
      fakes.put(context, fake);
    }
    Path configFile = Files.writeString(home.resolve("config.yaml"), config);
    Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    CliEnvironment environment =
        new CliEnvironment(
            Map.of("CONNECTCTL_CONFIG", configFile.toString()),
            home,
            home,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            (target, creds, settings) -> counting(fakes.get(target.context()), calls));
    String[] args = {"reconcile", "-f", files.toString(), "--heal", "--all-contexts"};
    CommandLine line = RootCommand.commandLine(environment, args);
    ReconcileRun run =
        ((ReconcileRun.Preparer) line.parseArgs(args).subcommand().commandSpec().userObject())
            .prepare();
    run.reconciler().cycle(); // warm-up
    calls.clear();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    Reconciler.Cycle cycle = run.reconciler().cycle();
    long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
    long wallMs = (System.nanoTime() - wall) / 1_000_000;

    assertEquals(0, cycle.writes() + cycle.restarts() + cycle.failedContexts().size());
    // the declared connectors' definitions: one batch per context (a worker answers it from one
    // listing; the fake reads them one by one, unseen by the count)
    assertEquals(CONTEXTS, calls.get("getConnectors").get(), calls::toString);
    assertFalse(calls.containsKey("getConnector"), calls::toString);
    // one listing per context, of statuses only (no definitions)
    assertEquals(CONTEXTS, calls.get("listStatuses").get(), calls::toString);
    assertFalse(calls.containsKey("listConnectors"), calls::toString);
    long total = calls.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.println(
        "reconcile cycle, 10,000 connectors in 20 contexts: "
            + total
            + " client calls "
            + calls
            + ", CPU "
            + cpuMs
            + " ms, wall "
            + wallMs
            + " ms");
  }

  /** {@code client} with each call counted by method name. */
  static ConnectorClient counting(ConnectorClient client, Map<String, AtomicLong> calls) {
    return (ConnectorClient)
        Proxy.newProxyInstance(
            ConnectorClient.class.getClassLoader(),
            new Class<?>[] {ConnectorClient.class},
            (proxy, method, a) -> {
              if (!method.getName().equals("capabilities") && !method.getName().equals("vendor")) {
                calls.computeIfAbsent(method.getName(), k -> new AtomicLong()).incrementAndGet();
              }
              try {
                return method.invoke(client, a);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
