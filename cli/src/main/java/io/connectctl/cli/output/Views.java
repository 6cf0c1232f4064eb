package io.connectctl.cli.output;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.TaskStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documented JSON/YAML shapes. Key names here are part of the public contract:
 *
 * <ul>
 *   <li>connector status: {@code name, context, vendor, type, state} (normalized), {@code
 *       vendorState} (raw), {@code vendorDetails, workerId, trace, tasks[]}; each task {@code id,
 *       state, vendorState, workerId, trace};
 *   <li>{@code describe}: a status plus {@code config};
 *   <li>{@code config get}: {@code name, context, vendor, config}; {@code tasks}: {@code name,
 *       context, vendor, tasks[{id, config}]}; {@code topics}: {@code …, topics[]}; {@code
 *       offsets}: {@code …, observedAt, offsets[{partition, offset}]}; {@code plugins}: {@code
 *       [{context, vendor, class, type, version}]}.
 * </ul>
 *
 * Config values whose keys look secret are masked unless {@code showSecrets}.
 */
public final class Views {
  private Views() {}

  /** A connector status. */
  public static Map<String, Object> status(Target target, ConnectorStatus status) {
    Map<String, Object> view = header(target, status.name());
    view.put("type", status.type().name().toLowerCase());
    view.put("state", status.state().name());
    view.put("vendorState", status.vendorState());
    view.put("vendorDetails", new LinkedHashMap<>(status.vendorDetails()));
    view.put("workerId", status.workerId());
    view.put("trace", status.trace());
    view.put("tasks", status.tasks().stream().map(Views::task).toList());
    return view;
  }

  /** One task's status. */
  public static Map<String, Object> task(TaskStatus task) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", task.id());
    view.put("state", task.state().name());
    view.put("vendorState", task.vendorState());
    view.put("workerId", task.workerId());
    view.put("trace", task.trace());
    return view;
  }

  /** {@code describe}: the status plus the (masked) config. */
  public static Map<String, Object> description(
      Target target, Connector connector, ConnectorStatus status, boolean showSecrets) {
    Map<String, Object> view = status(target, status);
    view.put("config", config(connector.config(), showSecrets));
    return view;
  }

  /** {@code config get}. */
  public static Map<String, Object> config(
      Target target, String name, Map<String, String> config, boolean showSecrets) {
    Map<String, Object> view = header(target, name);
    view.put("config", config(config, showSecrets));
    return view;
  }

  /** {@code tasks}. */
  public static Map<String, Object> tasks(
      Target target, String name, List<TaskConfig> tasks, boolean showSecrets) {
    Map<String, Object> view = header(target, name);
    view.put(
        "tasks",
        tasks.stream()
            .map(
                t -> {
                  Map<String, Object> task = new LinkedHashMap<>();
                  task.put("id", t.id());
                  task.put("config", config(t.config(), showSecrets));
                  return task;
                })
            .toList());
    return view;
  }

  /** {@code topics}. */
  public static Map<String, Object> topics(Target target, String name, List<String> topics) {
    Map<String, Object> view = header(target, name);
    view.put("topics", List.copyOf(topics));
    return view;
  }

  /** {@code offsets}. */
  public static Map<String, Object> offsets(Target target, ConnectorOffsets offsets) {
    Map<String, Object> view = header(target, offsets.name());
    view.put("observedAt", offsets.observedAt());
    view.put(
        "offsets",
        offsets.offsets().stream()
            .map(
                o -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("partition", new LinkedHashMap<>(o.partition()));
                  entry.put("offset", new LinkedHashMap<>(o.offset()));
                  return entry;
                })
            .toList());
    return view;
  }

  /** One plugin. */
  public static Map<String, Object> plugin(Target target, PluginInfo plugin) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("context", target.context());
    view.put("vendor", target.vendor().id());
    view.put("class", plugin.className());
    view.put("type", plugin.type().name().toLowerCase());
    view.put("version", plugin.version());
    return view;
  }

  /** {@code name, context, vendor}: the start of every per-connector object. */
  public static Map<String, Object> header(Target target, String name) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", name);
    view.put("context", target.context());
    view.put("vendor", target.vendor().id());
    return view;
  }

  /** The config sorted by key, secret-looking values masked unless {@code showSecrets}. */
  public static Map<String, String> config(Map<String, String> config, boolean showSecrets) {
    return new TreeMap<>(showSecrets ? config : Redaction.redactConfig(config));
  }

  /** {@code running/total} for the TASKS column, {@code -} when the vendor reports no tasks. */
  public static String taskSummary(ConnectorStatus status) {
    if (status.tasks().isEmpty()) {
      return "-";
    }
    return status.tasksIn(ConnectorState.RUNNING) + "/" + status.tasks().size();
  }
}
