package io.connectctl.cli.vendors;

import static io.connectctl.cli.vendors.VendorDescription.given;
import static io.connectctl.cli.vendors.VendorDescription.ordered;

import io.connectctl.cli.CliException;
import io.connectctl.cli.config.CredentialsConfig;
import io.connectctl.cli.config.Target;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Self-managed Apache Kafka Connect: one worker URL ({@code url}, or a comma-separated list with
 * {@code --url}) or several ({@code urls}); no credentials, a user and password (HTTP Basic) or a
 * bearer token (or a file holding one); {@code tls: {ca-file, cert-file, key-file}} for a private
 * CA and client certificates.
 */
final class KafkaConnect {
  /** {@code urls}: several worker URLs of one cluster, instead of {@code url}. */
  static final ContextKey<List<String>> URLS =
      ContextKey.fileOnly("urls", List.<String>of(), KafkaConnect::readUrls)
          .yieldingTo(ContextKey.URL);

  /** {@code tls}: {@code ca-file}, {@code cert-file}, {@code key-file}. */
  static final ContextKey<Map<String, String>> TLS =
      ContextKey.fileOnly("tls", Map.<String, String>of(), KafkaConnect::readTls);

  private static final List<String> TLS_KEYS = List.of("ca-file", "cert-file", "key-file");

  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.KAFKA_CONNECT,
          KafkaConnectConnectorClient.CAPABILITIES,
          List.of(
              ContextKey.URL,
              URLS,
              TLS,
              ContextKey.ALLOW_INSECURE_HTTP,
              ContextKey.REQUEST_TIMEOUT),
          List.of(ContextKey.URL),
          KafkaConnect::urlOrUrls,
          ordered(
              "username",
              "KAFKA_CONNECT_USERNAME",
              "password",
              "KAFKA_CONNECT_PASSWORD",
              "token",
              "KAFKA_CONNECT_TOKEN"),
          List.of(Set.of("username", "password"), Set.of("token")),
          (where, file, text) -> Map.of("KAFKA_CONNECT_TOKEN", text),
          (target, variables) -> EnvironmentCredentials.kafkaConnect(variables),
          target -> {
            KafkaConnectConnectorClient.Builder builder =
                KafkaConnectConnectorClient.builder().urls(urls(target));
            Map<String, String> tls = target.get(TLS);
            given(tls.getOrDefault("ca-file", "")).ifPresent(f -> builder.caFile(path(f)));
            if (tls.containsKey("cert-file")) {
              builder.clientCertificate(path(tls.get("cert-file")), path(tls.get("key-file")));
            }
            return builder;
          },
          target -> String.join(",", urls(target)));

  private KafkaConnect() {}

  /**
   * The context's {@code urls}, else its {@code url} (or {@code --url}), which may list several
   * split by commas.
   */
  static List<String> urls(Target target) {
    if (!target.get(URLS).isEmpty()) {
      return target.get(URLS);
    }
    return Arrays.stream(target.get(ContextKey.URL).split(","))
        .map(String::trim)
        .filter(u -> !u.isEmpty())
        .toList();
  }

  /** A file path; {@code ~/} is the home directory. */
  private static Path path(String file) {
    String home = System.getProperty("user.home");
    return file.startsWith("~/") ? Path.of(home, file.substring(2)) : Path.of(file);
  }

  /**
   * {@code url} and {@code urls} exclude each other; the first of {@code urls} is the url shown.
   */
  private static void urlOrUrls(String where, Map<String, Object> values) {
    Object urls = values.get(URLS.name());
    if (!(urls instanceof List<?> list) || list.isEmpty()) {
      return;
    }
    if (!String.valueOf(values.getOrDefault(ContextKey.URL.name(), "")).isBlank()) {
      throw CliException.usage(where + ": give either 'url' or 'urls', not both");
    }
    values.put(ContextKey.URL.name(), String.valueOf(list.get(0)));
  }

  /** {@code urls}: a non-empty list of URLs. */
  private static List<String> readUrls(String where, Object raw) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw CliException.usage(where + ", key 'urls': must be a non-empty list of worker URLs");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item == null
          || item instanceof Map
          || item instanceof List
          || String.valueOf(item).isBlank()) {
        throw CliException.usage(where + ", key 'urls': every entry must be one URL");
      }
      out.add(String.valueOf(item).trim());
    }
    return List.copyOf(out);
  }

  /**
   * {@code tls: {ca-file, cert-file, key-file}}: file paths; cert-file and key-file go together.
   */
  private static Map<String, String> readTls(String where, Object raw) {
    if (!(raw instanceof Map<?, ?> section)) {
      throw CliException.usage(
          where + ", key 'tls': must be a mapping with ca-file, cert-file, key-file");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : section.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!TLS_KEYS.contains(key)) {
        throw CliException.usage(
            where
                + ", key 'tls': unknown key '"
                + key
                + "' (allowed: "
                + String.join(", ", TLS_KEYS)
                + ")");
      }
      Object value = entry.getValue();
      if (!CredentialsConfig.isSingleValue(value)) {
        throw CliException.usage(where + ", key 'tls." + key + "': must be a file path");
      }
      out.put(key, String.valueOf(value));
    }
    if (out.containsKey("cert-file") != out.containsKey("key-file")) {
      throw CliException.usage(
          where
              + ", key 'tls': cert-file and key-file go together (a client certificate "
              + "and its private key)");
    }
    return Collections.unmodifiableMap(out);
  }
}
