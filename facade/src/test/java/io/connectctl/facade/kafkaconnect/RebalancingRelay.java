package io.connectctl.facade.kafkaconnect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A relay in front of a real worker that answers the first attempt of every request that changes
 * something with the 409 a Kafka Connect worker sends while its view of the configs is stale (in a
 * rebalance), and forwards everything else, retries included, to the worker. It records both: what
 * it refused and what the worker answered.
 *
 * <p>A single local worker rarely answers 409 on its own, so a test that only watched the real
 * worker could not tell whether such answers are retried.
 */
final class RebalancingRelay extends Dispatcher {
  /**
   * The worker's own words for a stale-config 409 (Kafka Connect's {@code ConnectRestException}).
   */
  static final String STALE_CONFIG =
      "{\"error_code\":409,\"message\":\"Cannot complete request momentarily due to stale"
          + " configuration (typically caused by a concurrent config change)\"}";

  /** One request as seen by the relay and what was answered. */
  record Exchange(String request, int code) {}

  private final String worker;
  private final OkHttpClient forward =
      new OkHttpClient.Builder().readTimeout(java.time.Duration.ofSeconds(90)).build();
  private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
  private final List<Exchange> forwarded = Collections.synchronizedList(new ArrayList<>());

  RebalancingRelay(String workerUrl) {
    this.worker = workerUrl.replaceAll("/+$", "");
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String body = request.getBody().readUtf8();
    String key = method + " " + request.getPath() + (body.isEmpty() ? "" : " " + body);
    if (!"GET".equals(method) && refusedOnce.add(key)) {
      refused.add(key);
      return new MockResponse()
          .setResponseCode(409)
          .setHeader("Content-Type", "application/json")
          .setBody(STALE_CONFIG);
    }
    String contentType = request.getHeader("Content-Type");
    RequestBody sent =
        body.isEmpty() && !"POST".equals(method) && !"PUT".equals(method)
            ? null
            : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
    Request onward =
        new Request.Builder().url(worker + request.getPath()).method(method, sent).build();
    try (Response response = forward.newCall(onward).execute()) {
      forwarded.add(new Exchange(key, response.code()));
      ResponseBody answer = response.body();
      MockResponse relayed =
          new MockResponse()
              .setResponseCode(response.code())
              .setBody(answer == null ? "" : answer.string());
      String type = response.header("Content-Type");
      if (type != null) {
        relayed.setHeader("Content-Type", type);
      }
      return relayed;
    } catch (IOException e) {
      forwarded.add(new Exchange(key, -1));
      return new MockResponse().setResponseCode(502).setBody(String.valueOf(e));
    }
  }

  /** Every request answered with the stale-config 409, in order. */
  List<String> refused() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }

  /** Every request forwarded to the worker with its answer, in order. */
  List<Exchange> forwarded() {
    synchronized (forwarded) {
      return List.copyOf(forwarded);
    }
  }

  /** Releases the forwarding client's threads and connections. */
  void close() {
    forward.dispatcher().executorService().shutdown();
    forward.connectionPool().evictAll();
  }
}
