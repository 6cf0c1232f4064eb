package io.connectctl.cli.output;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.ConnectCluster;
import io.connectctl.facade.ConnectorSecret;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JSON/YAML shapes of secrets and Connect clusters. A secret: {@code {name, context, vendor,
 * labels, scopes}} (never a value: vendors do not return them). A cluster: {@code {name, context,
 * vendor, address, version, commit, kafkaClusterId, plugins: [{class, type, version}]}}.
 */
public final class SecretViews {
  private SecretViews() {}

  public static Map<String, Object> secret(Target target, ConnectorSecret secret) {
    Map<String, Object> view = Views.header(target, secret.name());
    view.put("labels", new TreeMap<>(secret.labels()));
    view.put("scopes", List.copyOf(secret.scopes()));
    return view;
  }

  public static Map<String, Object> cluster(Target target, ConnectCluster cluster) {
    Map<String, Object> view = Views.header(target, cluster.name());
    view.put("address", cluster.address());
    view.put("version", cluster.version());
    view.put("commit", cluster.commit());
    view.put("kafkaClusterId", cluster.kafkaClusterId());
    view.put(
        "plugins",
        cluster.plugins().stream()
            .map(
                p -> {
                  Map<String, Object> plugin = new java.util.LinkedHashMap<>();
                  plugin.put("class", p.className());
                  plugin.put("type", p.type().name().toLowerCase());
                  plugin.put("version", p.version());
                  return plugin;
                })
            .toList());
    return view;
  }

  /** {@code k=v,k2=v2} sorted, or {@code -}. */
  public static String labels(Map<String, String> labels) {
    return labels.isEmpty()
        ? "-"
        : new TreeMap<>(labels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
  }

  /** Comma-separated, or {@code -}. */
  public static String list(List<String> items) {
    return items.isEmpty() ? "-" : String.join(",", items);
  }

  /**
   * The result of a secret change: {@code {name, context, vendor, kind: secret, action, ok, labels,
   * scopes}}.
   */
  public static Map<String, Object> change(Target target, String action, ConnectorSecret secret) {
    Map<String, Object> view = Views.header(target, secret.name());
    view.put("kind", "secret");
    view.put("action", action);
    view.put("ok", true);
    view.put("labels", new TreeMap<>(secret.labels()));
    view.put("scopes", List.copyOf(secret.scopes()));
    return view;
  }
}
