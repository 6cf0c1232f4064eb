package io.connectctl.facade;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which secrets {@link ConnectorSecrets#list(SecretFilter)} returns; the vendor applies it. Every
 * part that is given must match.
 *
 * @param nameContains keep names that contain this text (case-sensitive); empty for all
 * @param labels keep secrets carrying each of these labels with exactly this value; empty for all
 * @param scopes keep secrets with one of these scopes (e.g. {@code SCOPE_REDPANDA_CONNECT}); empty
 *     for all
 */
public record SecretFilter(String nameContains, Map<String, String> labels, List<String> scopes) {
  /** No filter: every secret. */
  public static final SecretFilter ALL = new SecretFilter("", Map.of(), List.of());

  /** Replaces absent parts with empty ones and copies. */
  public SecretFilter {
    nameContains = Objects.requireNonNullElse(nameContains, "");
    labels = Immutable.map(labels);
    scopes = Immutable.list(scopes);
  }

  /** This filter, keeping names that contain {@code text}. */
  public SecretFilter withNameContains(String text) {
    return new SecretFilter(text, labels, scopes);
  }

  /** This filter, keeping secrets with exactly these labels' values. */
  public SecretFilter withLabels(Map<String, String> labels) {
    return new SecretFilter(nameContains, labels, scopes);
  }

  /** This filter, keeping secrets with one of these scopes. */
  public SecretFilter withScopes(List<String> scopes) {
    return new SecretFilter(nameContains, labels, scopes);
  }
}
