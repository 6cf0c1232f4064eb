package io.connectctl.gateways;

import io.connectctl.gateways.GatewayServer.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Redpanda's Connect secrets, kept as Redpanda keeps them (id → labels and the Base64 data, which
 * is never returned), and the handlers of {@code .../secrets} and {@code .../secrets/ID}. The path
 * names the Connect cluster in parameter 0 and the secret in parameter 1.
 */
final class RedpandaSecrets {
  private final Map<String, Map<String, Object>> secrets = new ConcurrentSkipListMap<>();

  Reply list(Request r) {
    RedpandaGateway.requireCluster(r);
    String contains = Objects.requireNonNullElse(r.queryParam("filter.name_contains"), "");
    List<Object> all = new ArrayList<>();
    secrets.forEach(
        (id, s) -> {
          if (id.contains(contains)) {
            all.add(view(r, Json.map("id", id, "labels", s.get("labels"))));
          }
        });
    return Reply.json(200, Json.map("secrets", all, "next_page_token", ""));
  }

  Reply create(Request r) {
    RedpandaGateway.requireCluster(r);
    Map<String, Object> body = Json.obj(r.json());
    String name = Json.str(body.get("name"));
    if (name == null || !name.matches("[a-zA-Z0-9_-]{1,128}")) {
      throw RedpandaErrors.fail(
          400,
          "name: 1 to 128 letters, digits, '-' or '_' are required",
          RedpandaErrors.INVALID_INPUT);
    }
    String data = requiredData(body);
    Map<String, Object> stored =
        new ConcurrentHashMap<>(Json.map("data", data, "labels", labels(body)));
    if (secrets.putIfAbsent(name, stored) != null) {
      throw RedpandaErrors.fail(
          409, "secret " + name + " already exists", RedpandaErrors.ALREADY_EXISTS);
    }
    return Reply.json(
        201, Json.map("secret", view(r, Json.map("id", name, "labels", stored.get("labels")))));
  }

  Reply get(Request r) {
    return Reply.json(200, Json.map("secret", view(r, stored(r))));
  }

  Reply update(Request r) {
    Map<String, Object> stored = stored(r);
    Map<String, Object> body = Json.obj(r.json());
    stored.put("data", requiredData(body));
    stored.put("labels", labels(body));
    return Reply.json(200, Json.map("secret", view(r, stored)));
  }

  Reply delete(Request r) {
    stored(r);
    secrets.remove(r.param(1));
    return Reply.empty(204);
  }

  private Map<String, Object> stored(Request r) {
    RedpandaGateway.requireCluster(r);
    Map<String, Object> s = secrets.get(r.param(1));
    if (s == null) {
      throw RedpandaErrors.fail(
          404, "secret " + r.param(1) + " not found", RedpandaErrors.NOT_FOUND);
    }
    return s;
  }

  private static String requiredData(Map<String, Object> body) {
    String data = Json.str(body.get("secret_data"));
    if (data == null || data.isEmpty()) {
      throw RedpandaErrors.fail(
          400, "secret_data: value is required", RedpandaErrors.INVALID_INPUT);
    }
    return data;
  }

  private static Object labels(Map<String, Object> body) {
    return body.get("labels") == null ? Map.of() : body.get("labels");
  }

  /** What Redpanda shows of a secret: its id, labels and scope, never the data. */
  private static Map<String, Object> view(Request r, Map<String, Object> s) {
    Object id = s.containsKey("id") ? s.get("id") : r.param(1);
    return Json.map(
        "id",
        id,
        "labels",
        s.get("labels") == null ? Map.of() : s.get("labels"),
        "scopes",
        List.of("SCOPE_REDPANDA_CONNECT"));
  }
}
