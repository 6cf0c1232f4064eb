package io.connectctl.cli.commands;

import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.local.LastLocalDir;
import io.connectctl.cli.local.LocalContextFile;
import io.connectctl.cli.local.LocalSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code local up [--dir DIR]}: starts the local cluster (or finds it running), prints the worker's
 * URL and writes a {@code local} context ({@code vendor: kafka-connect}) into the config file,
 * leaving the rest of the file as it was. JSON: {@code {url, bootstrapServers, dir, started,
 * startSeconds, brokerPid, workerPid, context, configFile}}.
 *
 * <p>With {@code --clouds} it also starts the cloud gateways (Redpanda's, Confluent's and Yandex's
 * APIs over the same worker, in a JVM of their own) and writes the {@code local-redpanda}, {@code
 * local-confluent} and {@code local-yandex} contexts; the JSON then adds {@code clouds: {pid,
 * started, start_seconds, redpanda: {url, …}, confluent: {url, environment, cluster}, yandex: {url,
 * cluster}}}, {@code cloud_contexts} and {@code ready_seconds} (the whole command, cluster and
 * gateways).
 */
@Command(
    name = "up",
    description = {
      "Start a real single-node Kafka and a Kafka Connect worker on free loopback "
          + "ports (FileStream and MirrorMaker 2 connectors installed), wait until the worker accepts connectors, and "
          + "write a 'local' context into the config file.",
      "It keeps running after this command returns; 'local down' stops it. Data stays in DIR between runs."
    })
final class LocalUpCommand extends LocalCommand.LocalBase {
  @Option(
      names = "--clouds",
      description =
          "Also start local gateways that speak Redpanda's, Confluent's and "
              + "Yandex's connector APIs over the same worker, and write the contexts local-redpanda, local-confluent and "
              + "local-yandex: try automation against the clouds' APIs without an account.")
  boolean clouds;

  /** {@code local up} without {@code --dir} starts the default sandbox, whichever ran last. */
  @Override
  boolean followsLastUp() {
    return false;
  }

  @Override
  public Integer call() {
    long began = System.nanoTime();
    Path configPath =
        ConfigFile.locate(
            root().configFile, root().environment().env(), root().environment().home());
    LocalContextFile contextFile = new LocalContextFile(configPath);
    contextFile.check();
    if (clouds) {
      contextFile.check(LocalContextFile.cloudPlaceholders());
    }
    LocalSandbox sandbox = sandbox();
    Map<String, Object> running = sandbox.up();
    LastLocalDir.remember(root().environment().env(), root().environment().home(), dataDir());
    String url = (String) running.get("url");
    Map<String, Object> gateways = clouds ? sandbox.cloudsUp(running) : Map.of();
    List<LocalContextFile.Entry> contexts = new ArrayList<>(List.of(LocalContextFile.local(url)));
    if (clouds) {
      contexts.addAll(LocalContextFile.clouds(gateways));
    }
    boolean madeCurrent = contextFile.write(contexts);
    double ready = (System.nanoTime() - began) / 1_000_000 / 1000.0;

    Map<String, Object> view = new LinkedHashMap<>();
    for (String key :
        List.of(
            "url",
            "bootstrap_servers",
            "dir",
            "started",
            "start_seconds",
            "broker_pid",
            "worker_pid")) {
      view.put(key, running.get(key));
    }
    view.put("context", LocalContextFile.CONTEXT);
    view.put("config_file", configPath.toString());
    if (clouds) {
      view.put("clouds", gateways);
      view.put("cloud_contexts", LocalContextFile.CLOUD_CONTEXTS);
      view.put("ready_seconds", ready);
    }
    printer()
        .emit(
            io.connectctl.cli.output.Views.camelCase(view),
            out -> {
              if (Boolean.TRUE.equals(running.get("started"))) {
                out.println(
                    "Kafka Connect "
                        + running.get("kafka_version")
                        + " is running at "
                        + url
                        + String.format(
                            Locale.ROOT,
                            " (started in %.1f s).",
                            (Double) running.get("start_seconds")));
              } else {
                out.println("The local cluster is already running at " + url + ".");
              }
              out.println("Kafka bootstrap servers: " + running.get("bootstrap_servers"));
              out.println("Data and logs: " + running.get("dir"));
              out.println(
                  "Context '"
                      + LocalContextFile.CONTEXT
                      + "' written to "
                      + configPath
                      + (madeCurrent ? " (now the current context)" : "")
                      + "; try: connectctl get connectors --context "
                      + LocalContextFile.CONTEXT);
              if (clouds) {
                out.println(
                    Boolean.TRUE.equals(gateways.get("started"))
                        ? String.format(
                            Locale.ROOT,
                            "Cloud gateways started in %.1f s:",
                            (Double) gateways.get("start_seconds"))
                        : "Cloud gateways already running:");
                for (String vendor : List.of("redpanda", "confluent", "yandex")) {
                  out.println(
                      "  local-"
                          + vendor
                          + "  "
                          + vendor
                          + " API at "
                          + ((Map<?, ?>) gateways.get(vendor)).get("url"));
                }
                out.println(
                    "Contexts "
                        + String.join(", ", LocalContextFile.CLOUD_CONTEXTS)
                        + " written to "
                        + configPath
                        + String.format(
                            Locale.ROOT,
                            "; ready in %.1f s; try: connectctl get connectors --all-contexts",
                            ready));
              }
              out.println(
                  "Stop it with: connectctl local down"
                      + (dir == null ? "" : " --dir " + running.get("dir")));
            });
    return ok();
  }
}
