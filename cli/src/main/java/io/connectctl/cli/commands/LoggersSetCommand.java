package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Capability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loggers set LOGGER LEVEL [--cluster-wide]}: sets a logger (and those below it) to a level
 * on the worker that answers, or on every worker. JSON: {@code {context, vendor, logger, level,
 * clusterWide, changed: [...]}}.
 */
@Command(name = "set", description = "Set a logger's level (on every worker with --cluster-wide).")
final class LoggersSetCommand extends WriteCommand
    implements io.connectctl.cli.output.NamelessOutput {
  @Parameters(
      index = "0",
      paramLabel = "LOGGER",
      description = "The logger, e.g. root or org.apache.kafka.connect.")
  String logger;

  @Parameters(
      index = "1",
      paramLabel = "LEVEL",
      description = "OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE or ALL.")
  String level;

  @Option(names = "--cluster-wide", description = "Apply the level on every worker of the cluster.")
  boolean clusterWide;

  @Override
  public Integer call() {
    var client = client(Capability.LOGGERS);
    Target target = target();
    String upper = level.toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("context", target.context());
    view.put("vendor", target.vendor().id());
    view.put("logger", logger);
    view.put("level", upper);
    view.put("clusterWide", clusterWide);
    if (dryRun()) {
      view.put("dryRun", true);
      printer()
          .emit(
              view,
              out ->
                  out.println(
                      "logger/"
                          + logger
                          + " would be set to "
                          + upper
                          + (clusterWide ? " on every worker" : "")
                          + " (dry run)"));
      return ok();
    }
    List<String> changed = client.setLogLevel(logger, level, clusterWide);
    view.put("changed", changed);
    String scope =
        clusterWide
            ? " on every worker"
            : " (" + changed.size() + " logger" + (changed.size() == 1 ? "" : "s") + " changed)";
    printer().emit(view, out -> out.println("logger/" + logger + " set to " + upper + scope));
    return ok();
  }
}
