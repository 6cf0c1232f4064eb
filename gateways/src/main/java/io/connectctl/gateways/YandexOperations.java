package io.connectctl.gateways;

import io.connectctl.gateways.GatewayServer.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handlers of Yandex's Operation service: one operation ({@code /operations/ID}), cancelling
 * one (always refused: nothing here can be cancelled), and a cluster's operations, newest first.
 */
final class YandexOperations {
  private final OperationStore store;
  private final String clusterId;

  YandexOperations(OperationStore store, String clusterId) {
    this.store = store;
    this.clusterId = clusterId;
  }

  Reply get(Request r) {
    return Reply.json(200, store.get(r.param(0)));
  }

  Reply cancel(Request r) {
    Map<String, Object> op = store.get(r.param(0));
    throw YandexErrors.fail(
        9,
        Boolean.TRUE.equals(op.get("done"))
            ? "Operation " + r.param(0) + " is already done"
            : "Operation " + r.param(0) + " cannot be cancelled");
  }

  Reply list(Request r) {
    YandexGateway.requireCluster(r, clusterId);
    int size = YandexPaging.pageSize(r);
    int start = YandexPaging.positionStart(r);
    OperationStore.Page page = store.newestFirst(start, size);
    Map<String, Object> out = new LinkedHashMap<>();
    if (!page.items().isEmpty()) {
      out.put("operations", page.items());
    }
    if (start + page.items().size() < page.total()) {
      out.put("nextPageToken", YandexPaging.positionToken(start + page.items().size()));
    }
    return Reply.json(200, out);
  }
}
