package io.connectctl.cli.config;

import io.connectctl.facade.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resolved place to talk to: a vendor, its URLs and scope, and where its credentials come from.
 * Empty strings mean "not set; use the vendor client's default".
 *
 * @param context the context name, or {@link #AD_HOC} when the target came from flags only
 * @param vendor the vendor
 * @param url the API base URL
 * @param connectCluster Redpanda: the Connect cluster name
 * @param tokenUrl Redpanda: the OAuth2 token endpoint
 * @param environment Confluent: the environment id
 * @param cluster Confluent: the Kafka cluster id; Yandex: the cluster id
 * @param operationUrl Yandex: the operations API base URL
 * @param iamUrl Yandex: the IAM token endpoint
 * @param credentials where the credentials come from
 * @param urls Kafka Connect: several worker URLs of one cluster (instead of {@code url}), empty if
 *     not given
 * @param tls Kafka Connect: the {@code tls} section ({@code ca-file}, {@code cert-file}, {@code
 *     key-file}), empty if not given
 */
public record Target(
    String context,
    Vendor vendor,
    String url,
    String connectCluster,
    String tokenUrl,
    String environment,
    String cluster,
    String operationUrl,
    String iamUrl,
    CredentialSource credentials,
    List<String> urls,
    Map<String, String> tls) {

  /** The context name shown for a target given by flags alone. */
  public static final String AD_HOC = "(flags)";

  /** Validates and replaces absent strings with empty ones. */
  public Target {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(vendor, "vendor");
    url = Objects.requireNonNullElse(url, "");
    connectCluster = Objects.requireNonNullElse(connectCluster, "");
    tokenUrl = Objects.requireNonNullElse(tokenUrl, "");
    environment = Objects.requireNonNullElse(environment, "");
    cluster = Objects.requireNonNullElse(cluster, "");
    operationUrl = Objects.requireNonNullElse(operationUrl, "");
    iamUrl = Objects.requireNonNullElse(iamUrl, "");
    credentials =
        Objects.requireNonNullElse(credentials, new CredentialSource.DefaultEnvironment());
    urls = urls == null ? List.of() : List.copyOf(urls);
    tls =
        tls == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tls));
  }

  /** A target without several URLs or TLS settings. */
  public Target(
      String context,
      Vendor vendor,
      String url,
      String connectCluster,
      String tokenUrl,
      String environment,
      String cluster,
      String operationUrl,
      String iamUrl,
      CredentialSource credentials) {
    this(
        context,
        vendor,
        url,
        connectCluster,
        tokenUrl,
        environment,
        cluster,
        operationUrl,
        iamUrl,
        credentials,
        List.of(),
        Map.of());
  }

  /** The scope in one short string: Connect cluster, environment/cluster or cluster id. */
  public String scope() {
    return io.connectctl.cli.vendors.VendorDescriptions.of(vendor).scope().apply(this);
  }
}
