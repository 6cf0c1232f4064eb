package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.facade.Capability;
import io.connectctl.facade.LoggerLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code loggers}: the log levels of the worker that answers. JSON: {@code [{context, vendor,
 * logger, level, lastModified}]} ({@code lastModified} ISO-8601, empty if never changed).
 */
@Command(
    name = "loggers",
    description = "Show the workers' log levels; 'loggers set' changes one.",
    subcommands = LoggersSetCommand.class)
final class LoggersCommand extends BaseCommand implements io.connectctl.cli.output.NamelessOutput {
  @Override
  public Integer call() {
    List<LoggerLevel> loggers = client(Capability.LOGGERS).loggers();
    Target target = target();
    printer()
        .emit(
            loggers.stream().map(l -> view(target, l)).toList(),
            out -> {
              Table table = new Table("LOGGER", "LEVEL", "LAST-MODIFIED");
              loggers.forEach(
                  l ->
                      table.row(
                          l.logger(),
                          l.level(),
                          l.lastModified().map(Object::toString).orElse("")));
              table.print(out);
            });
    return ok();
  }

  private static Map<String, Object> view(Target target, LoggerLevel level) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("context", target.context());
    view.put("vendor", target.vendor().id());
    view.put("logger", level.logger());
    view.put("level", level.level());
    view.put("lastModified", level.lastModified().map(Object::toString).orElse(""));
    return view;
  }
}
