package io.connectctl.facade.kafkaconnect;

import static io.connectctl.facade.internal.EnvironmentVariables.pair;
import static io.connectctl.facade.internal.EnvironmentVariables.present;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.internal.WorkerNames;
import io.connectctl.facade.internal.WorkerRefusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Self-managed Kafka Connect's rules ({@code Vendor.KAFKA_CONNECT.rules()}): any name the worker
 * can address afterwards (see {@link #checkName}); a 409 saying a rebalance is in progress, and a
 * 500 saying one is expected (a worker that has just started), are retried, since the worker
 * refuses such requests before acting on them; tasks are reported; credentials are {@code
 * KAFKA_CONNECT_TOKEN} (bearer), else {@code KAFKA_CONNECT_USERNAME} + {@code
 * KAFKA_CONNECT_PASSWORD} (HTTP Basic), else none: a worker without security needs no credentials.
 */
public final class KafkaConnectRules implements VendorRules {
  /** The rules, as {@link Vendor#rules()} returns them for {@link Vendor#KAFKA_CONNECT}. */
  public static final KafkaConnectRules INSTANCE = new KafkaConnectRules();

  private static final String TOKEN = "KAFKA_CONNECT_TOKEN";
  private static final String USERNAME = "KAFKA_CONNECT_USERNAME";
  private static final String PASSWORD = "KAFKA_CONNECT_PASSWORD";

  private KafkaConnectRules() {}

  /**
   * Refuses a name the worker would create but could never address afterwards: one holding {@code
   * /}, {@code \}, {@code %}, <code>{</code> or <code>}</code>, or starting or ending with white
   * space (the message says what a Kafka Connect 4.1 worker does with each).
   */
  @Override
  public void checkName(String name) {
    WorkerNames.checkAddressable(Vendor.KAFKA_CONNECT, name);
  }

  @Override
  public Optional<String> retryReason(int status, Supplier<String> body) {
    if (status == 500 && WorkerRefusals.isRebalance(body.get())) {
      // a worker that has just (re)started answers 500 "a rebalance is expected" before acting on
      // anything
      return Optional.of("Kafka Connect rebalance expected");
    }
    if (status == 409 && WorkerRefusals.isRebalance(body.get())) {
      return Optional.of("Kafka Connect rebalance in progress");
    }
    return Optional.empty();
  }

  @Override
  public List<String> credentialVariables() {
    return List.of(TOKEN, USERNAME, PASSWORD);
  }

  @Override
  public Credentials credentialsFrom(Map<String, String> env, String tokenUrl) {
    String token = env.get(TOKEN);
    if (present(token)) {
      return StaticCredentials.bearer(token.trim());
    }
    if (pair(Vendor.KAFKA_CONNECT, env, USERNAME, PASSWORD)) {
      return StaticCredentials.basicUser(env.get(USERNAME).trim(), env.get(PASSWORD));
    }
    return StaticCredentials.none();
  }
}
