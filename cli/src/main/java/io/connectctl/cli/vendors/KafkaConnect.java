package io.connectctl.cli.vendors;

import static io.connectctl.cli.vendors.VendorDescription.given;
import static io.connectctl.cli.vendors.VendorDescription.ordered;

import io.connectctl.cli.config.Target;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.EnvironmentCredentials;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import java.nio.file.Path;
import java.util.Arrays;
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
  static final VendorDescription DESCRIPTION =
      new VendorDescription(
          Vendor.KAFKA_CONNECT,
          KafkaConnectConnectorClient.CAPABILITIES,
          List.of("url", "urls", "tls"),
          Map.of("url", "URL"),
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
            given(target.tls().getOrDefault("ca-file", "")).ifPresent(f -> builder.caFile(path(f)));
            if (target.tls().containsKey("cert-file")) {
              builder.clientCertificate(
                  path(target.tls().get("cert-file")), path(target.tls().get("key-file")));
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
    if (!target.urls().isEmpty()) {
      return target.urls();
    }
    return Arrays.stream(target.url().split(","))
        .map(String::trim)
        .filter(u -> !u.isEmpty())
        .toList();
  }

  /** A file path; {@code ~/} is the home directory. */
  private static Path path(String file) {
    String home = System.getProperty("user.home");
    return file.startsWith("~/") ? Path.of(home, file.substring(2)) : Path.of(file);
  }
}
