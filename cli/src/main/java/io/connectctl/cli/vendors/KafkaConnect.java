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
import java.util.Optional;
import java.util.Set;

/**
 * Self-managed Apache Kafka Connect: one worker URL ({@code url}, or a comma-separated list with
 * {@code --url}) or several ({@code urls}); no credentials, a user and password (HTTP Basic) or a
 * bearer token (or a file holding one); {@code tls: {ca-file, cert-file, key-file}} for a private
 * CA and client certificates ({@code --ca-file}, {@code --cert-file}, {@code --key-file} for one
 * run, in place of the context's).
 */
final class KafkaConnect {
  /** {@code urls}: several worker URLs of one cluster, instead of {@code url}. */
  static final ContextKey<List<String>> URLS =
      ContextKey.fileOnly("urls", List.<String>of(), KafkaConnect::readUrls)
          .yieldingTo(ContextKey.URL);

  /** {@code tls}: {@code ca-file}, {@code cert-file}, {@code key-file}. */
  static final ContextKey<Map<String, String>> TLS =
      ContextKey.fileOnly("tls", Map.<String, String>of(), KafkaConnect::readTls);

  /** {@code --ca-file}: the context's {@code tls.ca-file} for one run. */
  static final ContextKey<String> CA_FILE =
      ContextKey.flag(
              "ca-file",
              "FILE",
              "kafka-connect: PEM bundle of the CA certificates to trust (the context's tls.ca-file)")
          .forSetting("caFile", "tls.ca-file");

  /** {@code --cert-file}: the context's {@code tls.cert-file} for one run. */
  static final ContextKey<String> CERT_FILE =
      ContextKey.flag(
              "cert-file",
              "FILE",
              "kafka-connect: PEM client certificate for mutual TLS, with --key-file (the context's"
                  + " tls.cert-file)")
          .forSetting("certFile", "tls.cert-file");

  /** {@code --key-file}: the context's {@code tls.key-file} for one run. */
  static final ContextKey<String> KEY_FILE =
      ContextKey.flag(
              "key-file",
              "FILE",
              "kafka-connect: unencrypted PEM private key of --cert-file, PKCS#8 or PKCS#1 RSA (the"
                  + " context's tls.key-file)")
          .forSetting("keyFile", "tls.key-file");

  private static final List<String> TLS_KEYS = List.of("ca-file", "cert-file", "key-file");

  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.KAFKA_CONNECT,
          KafkaConnectConnectorClient.CAPABILITIES,
          List.of(
              ContextKey.URL,
              URLS,
              TLS,
              CA_FILE,
              CERT_FILE,
              KEY_FILE,
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
            tlsFile(target, CA_FILE).ifPresent(f -> builder.caFile(path(f)));
            Optional<String> cert = tlsFile(target, CERT_FILE);
            Optional<String> key = tlsFile(target, KEY_FILE);
            if (cert.isPresent() || key.isPresent()) {
              // one without the other: the facade names the one missing
              builder.clientCertificate(
                  cert.map(KafkaConnect::path).orElse(null),
                  key.map(KafkaConnect::path).orElse(null));
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

  /** The flag {@code --KEY} when given, else the context's {@code tls.KEY}. */
  private static Optional<String> tlsFile(Target target, ContextKey<String> flag) {
    return given(target.get(flag)).or(() -> given(target.get(TLS).getOrDefault(flag.name(), "")));
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
