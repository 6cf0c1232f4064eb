package io.connectctl.facade.redpanda;

import com.squareup.moshi.JsonWriter;
import io.connectctl.client.redpanda.api.SecretsApi;
import io.connectctl.client.redpanda.model.CreateSecretRequest;
import io.connectctl.client.redpanda.model.ListSecretsResponse;
import io.connectctl.client.redpanda.model.Secret;
import io.connectctl.client.redpanda.model.SecretResponse;
import io.connectctl.client.redpanda.model.SecretScope;
import io.connectctl.client.redpanda.model.UpdateSecretRequest;
import io.connectctl.facade.ConnectorSecret;
import io.connectctl.facade.ConnectorSecrets;
import io.connectctl.facade.PagedIterable;
import io.connectctl.facade.SecretFilter;
import io.connectctl.facade.SecretValues;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.internal.Calls;
import io.connectctl.facade.internal.ErrorMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Redpanda's Connect secrets ({@code /v1/kafka-connect/clusters/{cluster}/secrets}). A secret's
 * data is the Base64 encoding of a JSON object mapping config keys to values; configs reference one
 * value as {@code ${secretsManager:<secret>:<key>}}. Names, label keys and filters are checked
 * before sending.
 */
final class RedpandaSecrets implements ConnectorSecrets {
  private static final Vendor VENDOR = Vendor.REDPANDA;
  private static final int PAGE_SIZE = 100;
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9/_+=.@%-]{1,255}");
  private static final Pattern NAME_FILTER = Pattern.compile("[a-zA-Z0-9_-]{0,128}");

  private final SecretsApi api;
  private final String cluster;

  RedpandaSecrets(SecretsApi api, String cluster) {
    this.api = api;
    this.cluster = cluster;
  }

  /**
   * Fetched 100 per request, following {@code next_page_token}; the filter travels as the API's
   * query parameters. A name is handed out once even if a listing that changes meanwhile starts
   * over.
   */
  @Override
  public PagedIterable<ConnectorSecret> list(SecretFilter filter) {
    SecretFilter effective = Objects.requireNonNullElse(filter, SecretFilter.ALL);
    if (!NAME_FILTER.matcher(effective.nameContains()).matches()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "The name filter '"
              + effective.nameContains()
              + "' is not allowed by redpanda: use at most 128 letters, digits, '-' or '_'",
          "nameContains");
    }
    effective.labels().keySet().forEach(k -> checkLabelKey(k, "labels"));
    for (String scope : effective.scopes()) {
      if (scope == null || scope.isBlank()) {
        throw InvalidRequestException.beforeSending(
            VENDOR, "A secret scope must not be empty", "scopes");
      }
    }
    Map<String, String> labelQuery = new LinkedHashMap<>();
    effective.labels().forEach((k, v) -> labelQuery.put("filter.labels[" + k + "]", v));
    List<SecretScope> scopes = effective.scopes().stream().map(SecretScope::of).toList();
    String nameContains = effective.nameContains().isEmpty() ? null : effective.nameContains();
    return new PagedIterable<>(
            token -> {
              String what = "list secrets of " + where();
              ListSecretsResponse response =
                  body(
                      Calls.execute(
                          VENDOR,
                          api.listSecrets(
                              cluster,
                              nameContains,
                              labelQuery,
                              scopes.isEmpty() ? null : scopes,
                              PAGE_SIZE,
                              token.isEmpty() ? null : token),
                          what),
                      what);
              String next = Objects.requireNonNullElse(response.nextPageToken(), "");
              if (!next.isEmpty() && next.equals(token)) {
                throw ErrorMapper.fromMalformedBody(
                    VENDOR,
                    new IllegalStateException(
                        "the server answered page token '" + token + "' with the same token again"),
                    what);
              }
              return new PagedIterable.Page<>(
                  response.secrets().stream().map(RedpandaSecrets::secret).toList(), next);
            })
        .distinctBy(ConnectorSecret::name);
  }

  @Override
  public ConnectorSecret get(String name) {
    check(name);
    String what = "read secret " + on(name);
    return secret(body(Calls.execute(VENDOR, api.getSecret(cluster, name), what), what).secret());
  }

  @Override
  public ConnectorSecret create(String name, SecretValues values, Map<String, String> labels) {
    check(name);
    Map<String, String> checked = labels(labels);
    String data = encode(requireValues(name, values));
    String what = "create secret " + on(name);
    SecretResponse response =
        Calls.execute(
            VENDOR, api.createSecret(cluster, new CreateSecretRequest(name, data, checked)), what);
    return response == null
        ? new ConnectorSecret(name, checked, List.of())
        : secret(response.secret());
  }

  @Override
  public ConnectorSecret update(String name, SecretValues values, Map<String, String> labels) {
    check(name);
    Map<String, String> checked = labels(labels);
    String data = encode(requireValues(name, values));
    String what = "update secret " + on(name);
    SecretResponse response =
        Calls.execute(
            VENDOR, api.updateSecret(cluster, name, new UpdateSecretRequest(data, checked)), what);
    return response == null
        ? new ConnectorSecret(name, checked, List.of())
        : secret(response.secret());
  }

  @Override
  public void delete(String name) {
    check(name);
    Calls.execute(VENDOR, api.deleteSecret(cluster, name), "delete secret " + on(name));
  }

  @Override
  public String toString() {
    return "RedpandaSecrets[connectCluster=" + cluster + "]";
  }

  /** The wire form of {@code values}: Base64 of a JSON object of keys and values. */
  static String encode(SecretValues values) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      for (Map.Entry<String, String> e : values.revealAll().entrySet()) {
        writer.name(e.getKey()).value(e.getValue());
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return Base64.getEncoder().encodeToString(buffer.readByteArray());
  }

  private static SecretValues requireValues(String name, SecretValues values) {
    if (values == null) {
      throw InvalidRequestException.beforeSending(
          VENDOR, "Secret '" + name + "' needs values", "values");
    }
    return values;
  }

  private static Map<String, String> labels(Map<String, String> labels) {
    Map<String, String> copy = new LinkedHashMap<>();
    if (labels != null) {
      labels.forEach(
          (k, v) -> {
            checkLabelKey(k, "labels");
            if (v == null) {
              throw InvalidRequestException.beforeSending(
                  VENDOR, "Label '" + k + "' has no value", "labels");
            }
            copy.put(k, v);
          });
    }
    return copy;
  }

  private static void checkLabelKey(String key, String field) {
    if (key == null || key.isBlank() || key.contains("[") || key.contains("]")) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Label key '" + key + "' is not allowed: it must not be empty or contain '[' or ']'",
          field);
    }
  }

  private static String check(String name) {
    if (name == null || name.isBlank()) {
      throw InvalidRequestException.beforeSending(VENDOR, "Secret name must not be empty", "name");
    }
    if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "Secret name '"
              + name
              + "' is not allowed by redpanda: use "
              + "1 to 255 letters, digits and / _ + = . @ % -",
          "name");
    }
    return name;
  }

  private static ConnectorSecret secret(Secret secret) {
    if (secret == null) {
      throw ErrorMapper.fromMalformedBody(
          VENDOR, new IllegalStateException("the response had no secret"), "read secret");
    }
    return new ConnectorSecret(
        secret.id(), secret.labels(), secret.scopes().stream().map(SecretScope::value).toList());
  }

  private String on(String name) {
    return "'" + name + "' on " + where();
  }

  private String where() {
    return "Connect cluster '" + cluster + "'";
  }

  private static <T> T body(T body, String what) {
    if (body == null) {
      throw ErrorMapper.fromMalformedBody(
          VENDOR, new IllegalStateException("the response had no body"), what);
    }
    return body;
  }
}
