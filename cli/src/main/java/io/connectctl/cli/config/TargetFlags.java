package io.connectctl.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The target flags given on the command line; empty strings for the ones not given.
 *
 * @param context {@code --context}
 * @param vendor {@code --vendor}
 * @param url {@code --url}
 * @param connectCluster {@code --connect-cluster}
 * @param environment {@code --environment}
 * @param cluster {@code --cluster}
 * @param operationUrl {@code --operation-url}
 * @param tokenUrl {@code --token-url}
 * @param iamUrl {@code --iam-url}
 */
public record TargetFlags(
    String context,
    String vendor,
    String url,
    String connectCluster,
    String environment,
    String cluster,
    String operationUrl,
    String tokenUrl,
    String iamUrl) {

  /** Replaces absent values with empty strings. */
  public TargetFlags {
    context = Objects.requireNonNullElse(context, "");
    vendor = Objects.requireNonNullElse(vendor, "");
    url = Objects.requireNonNullElse(url, "");
    connectCluster = Objects.requireNonNullElse(connectCluster, "");
    environment = Objects.requireNonNullElse(environment, "");
    cluster = Objects.requireNonNullElse(cluster, "");
    operationUrl = Objects.requireNonNullElse(operationUrl, "");
    tokenUrl = Objects.requireNonNullElse(tokenUrl, "");
    iamUrl = Objects.requireNonNullElse(iamUrl, "");
  }

  /**
   * The field-setting flags that were given, by flag name (everything but {@code --context} and
   * {@code --vendor}).
   */
  public Map<String, String> fieldFlags() {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "--url", url);
    put(given, "--connect-cluster", connectCluster);
    put(given, "--environment", environment);
    put(given, "--cluster", cluster);
    put(given, "--operation-url", operationUrl);
    put(given, "--token-url", tokenUrl);
    put(given, "--iam-url", iamUrl);
    return given;
  }

  private static void put(Map<String, String> map, String flag, String value) {
    if (!value.isEmpty()) {
      map.put(flag, value);
    }
  }
}
