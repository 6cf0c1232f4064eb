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
import java.util.ArrayList;
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
 * Config values whose keys look secret are masked unless {@code showSecrets}. A value the vendor
 * did not report ({@code workerId}, {@code trace}, {@code observedAt}, a plugin's {@code version})
 * is JSON {@code null} (YAML {@code null}), never an empty string.
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
    view.put("workerId", orNull(status.workerId()));
    view.put("trace", orNull(status.trace()));
    List<Map<String, Object>> tasks = new ArrayList<>(status.tasks().size());
    for (TaskStatus task : status.tasks()) {
      tasks.add(task(task));
    }
    view.put("tasks", tasks);
    return view;
  }

  /** One task's status. */
  public static Map<String, Object> task(TaskStatus task) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", task.id());
    view.put("state", task.state().name());
    view.put("vendorState", task.vendorState());
    view.put("workerId", orNull(task.workerId()));
    view.put("trace", orNull(task.trace()));
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
    view.put("observedAt", orNull(offsets.observedAt()));
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
    view.put("version", orNull(plugin.version()));
    return view;
  }

  /**
   * {@code value} with every map key in camelCase ({@code broker_pid} becomes {@code brokerPid}),
   * at any depth: the one spelling of keys in connectctl's JSON and YAML.
   */
  public static Object camelCase(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(camelKey(String.valueOf(k)), camelCase(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Views::camelCase).toList();
    }
    return value;
  }

  private static String camelKey(String key) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '_' && out.length() > 0) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code null} for a value the vendor did not report (empty or blank), else the value. */
  public static String orNull(String value) {
    return value == null || value.isBlank() ? null : value;
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
