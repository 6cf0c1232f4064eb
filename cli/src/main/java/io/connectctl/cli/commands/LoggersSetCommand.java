package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.DryRunOption;
import io.connectctl.facade.Capability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loggers set LOGGER LEVEL [--cluster-wide]}: sets a logger (and those below it) to a level
 * on the worker that answers, or on every worker. JSON: {@code {context, vendor, logger, level,
 * clusterWide, changed: [...]}}.
 */
@Command(name = "set", description = "Set a logger's level (on every worker with --cluster-wide).")
final class LoggersSetCommand extends BaseCommand {
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

  @Mixin DryRunOption dryRunOption;

  @Override
  public boolean dryRun() {
    return dryRunOption.given();
  }

  @Override
  public Integer call() {
    var client = client(Capability.LOGGERS);
    if (dryRun()) {
      Target target = target();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("context", target.context());
      view.put("vendor", target.vendor().id());
      view.put("logger", logger);
      view.put("level", level.toUpperCase(java.util.Locale.ROOT));
      view.put("clusterWide", clusterWide);
      view.put("dryRun", true);
      printer()
          .emit(
              view,
              out ->
                  out.println(
                      "logger/"
                          + logger
                          + " would be set to "
                          + level.toUpperCase(java.util.Locale.ROOT)
                          + (clusterWide ? " on every worker" : "")
                          + " (dry run)"));
      return ok();
    }
    List<String> changed = client.setLogLevel(logger, level, clusterWide);
    Target target = target();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("context", target.context());
    view.put("vendor", target.vendor().id());
    view.put("logger", logger);
    view.put("level", level.toUpperCase(java.util.Locale.ROOT));
    view.put("clusterWide", clusterWide);
    view.put("changed", changed);
    printer()
        .emit(
            view,
            out -> {
              if (clusterWide) {
                out.println(
                    "logger/"
                        + logger
                        + " set to "
                        + level.toUpperCase(java.util.Locale.ROOT)
                        + " on every worker");
              } else {
                out.println(
                    "logger/"
                        + logger
                        + " set to "
                        + level.toUpperCase(java.util.Locale.ROOT)
                        + " ("
                        + changed.size()
                        + " logger"
                        + (changed.size() == 1 ? "" : "s")
                        + " changed)");
              }
            });
    return ok();
  }
}
