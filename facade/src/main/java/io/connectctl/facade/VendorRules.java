package io.connectctl.facade;

import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnauthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one vendor's API accepts and how it behaves, where that differs between vendors: the code
 * shared by every vendor asks these rules instead of comparing vendors. Obtain them with {@link
 * Vendor#rules()}; each vendor package defines its own.
 *
 * <p>Implementations are stateless and safe to share between threads. The default methods give the
 * common answer (no name rules of its own, no fixed API path prefix, nothing retried beyond the
 * shared rules, codes read as they are, tasks reported, no write-only keys, every config accepted);
 * a vendor overrides only where it differs.
 */
public interface VendorRules {

  /**
   * Refuses a connector name this vendor does not accept. Rules that hold for every vendor (not
   * empty, not {@code .} or {@code ..}) are checked by {@link ConnectorNames#check} before this.
   *
   * @param name a non-blank connector name
   * @throws InvalidRequestException naming the connector and the rule it breaks
   */
  default void checkName(String name) {}

  /**
   * The path every request path of this vendor's API starts with, when its API sits at a fixed
   * place under the base URL (for example {@code /connect/v1} for Confluent); empty when the paths
   * need no fixed prefix. A client builder refuses a base URL whose path repeats this prefix or a
   * leading part of it ({@code https://host/connect/v1} for Confluent), since every request would
   * then carry the prefix twice and miss; a path of its own (a proxy's {@code /dataplane/}) and a
   * trailing slash are fine.
   *
   * @return the prefix, starting with {@code /} and without a trailing one
   */
  default Optional<String> apiPathPrefix() {
    return Optional.empty();
  }

  /**
   * Refuses, before anything is sent, a whole connector config this vendor would not accept for
   * {@code name}: the check a create or config update makes before sending (for example Yandex
   * refuses keys its typed connector spec does not have). Tools that plan changes without sending
   * them (a dry run, a diff, a validation) call it so they refuse what the write would refuse.
   * Values are never part of the message.
   *
   * @param name the connector name
   * @param config the config as it would be sent (secret references already resolved)
   * @throws InvalidRequestException naming the connector and what is wrong
   */
  default void checkConfig(String name, Map<String, String> config) {}

  /**
   * Why an error response may be retried whatever the request's method, because this vendor sends
   * it before acting on the request (for example Kafka Connect's "rebalance in progress"); empty
   * when the response says nothing of the kind. A 429, and a 503 or 504 to an idempotent request,
   * is retried for every vendor before the rules are asked.
   *
   * @param status the HTTP status of the response
   * @param body the start of the response body; read only if the status can be retried
   * @return a short reason for the log, e.g. {@code Kafka Connect rebalance in progress}
   */
  default Optional<String> retryReason(int status, Supplier<String> body) {
    return Optional.empty();
  }

  /**
   * How a code from this vendor's error body reads in a message, when it is not self-explanatory
   * (Yandex sends gRPC status numbers: {@code 5} reads {@code NOT_FOUND (gRPC 5)}); empty when the
   * code reads as it is.
   *
   * @param code the code as found in the body, never empty
   */
  default Optional<String> describeCode(String code) {
    return Optional.empty();
  }

  /** Whether this vendor reports a connector's tasks in its status. */
  default boolean reportsTasks() {
    return true;
  }

  /**
   * Whether this vendor accepts {@code key} in a connector config but never returns it, so its
   * absence from a config read back is no difference.
   */
  default boolean isWriteOnlyConfigKey(String key) {
    return false;
  }

  /**
   * Whether connectors are configured with typed configs (a typed section such as {@code
   * connectorConfigMirrormaker}, {@code tasksMax} and {@code properties.<key>}) rather than flat
   * Kafka Connect keys; {@link io.connectctl.facade.move.ConfigDialects} translates between the
   * two.
   */
  default boolean typedConfigs() {
    return false;
  }

  /**
   * The environment variables {@link #credentialsFrom} reads, in the order they are tried; empty
   * when this vendor takes no credentials from the environment.
   */
  List<String> credentialVariables();

  /**
   * Credentials from environment variables: the first complete choice among {@link
   * #credentialVariables()} wins. Values never appear in messages.
   *
   * @param environment the variables, e.g. {@link System#getenv()}
   * @param tokenUrl where this vendor exchanges what the variables hold for access tokens (the
   *     Redpanda OAuth2 token URL, the Yandex IAM URL); ignored by vendors that exchange nothing
   * @throws UnauthorizedException naming the variables to set when none are usable, or the missing
   *     half of a pair when only one is set
   */
  Credentials credentialsFrom(Map<String, String> environment, String tokenUrl);
}
