package io.connectctl.cli.config;

import io.connectctl.cli.vendors.ContextKey;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Vendor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One resolved place to talk to: a vendor, the values of its context keys and where its credentials
 * come from. The keys are the vendor's own ({@link
 * io.connectctl.cli.vendors.VendorDescription#keys()}); a key the context does not set reads as its
 * {@link ContextKey#absent()} value (empty for a flag: "not set; use the vendor client's default").
 *
 * @param context the context name, or {@link #AD_HOC} when the target came from flags only
 * @param vendor the vendor
 * @param values the values set, by key name (a {@code String} for a flag key, otherwise whatever
 *     the key reads)
 * @param credentials where the credentials come from
 */
public record Target(
    String context, Vendor vendor, Map<String, Object> values, CredentialSource credentials) {

  /** The context name shown for a target given by flags alone. */
  public static final String AD_HOC = "(flags)";

  /** Validates and copies; absent credentials are the vendor's default variables. */
  public Target {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(vendor, "vendor");
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    values = Collections.unmodifiableMap(copy);
    credentials =
        Objects.requireNonNullElse(credentials, new CredentialSource.DefaultEnvironment());
  }

  /** The value of {@code key}, or its absent value when not set. */
  @SuppressWarnings("unchecked") // a key's value was read by that key (or is a flag's string)
  public <T> T get(ContextKey<T> key) {
    Object value = values.get(key.name());
    return value == null ? key.absent() : (T) value;
  }

  /** The value of the flag key {@code name}, empty when not set. */
  public String text(String name) {
    Object value = values.get(name);
    return value == null ? "" : String.valueOf(value);
  }

  // Shortcuts for the keys in use today, for commands and tests that read a target; a vendor reads
  // its own keys with get(KEY), so a new key needs no method here.

  /** {@code url}: the API base URL, empty for the vendor's default. */
  public String url() {
    return get(ContextKey.URL);
  }

  /** {@code connect-cluster} (Redpanda), empty when not set. */
  public String connectCluster() {
    return text("connect-cluster");
  }

  /** {@code token-url} (Redpanda), empty when not set. */
  public String tokenUrl() {
    return text("token-url");
  }

  /** {@code environment} (Confluent), empty when not set. */
  public String environment() {
    return text("environment");
  }

  /** {@code cluster} (Confluent, Yandex), empty when not set. */
  public String cluster() {
    return text("cluster");
  }

  /** {@code operation-url} (Yandex), empty when not set. */
  public String operationUrl() {
    return text("operation-url");
  }

  /** {@code iam-url} (Yandex), empty when not set. */
  public String iamUrl() {
    return text("iam-url");
  }

  /** The scope in one short string: Connect cluster, environment/cluster or cluster id. */
  public String scope() {
    return VendorDescriptions.of(vendor).scope().apply(this);
  }
}
