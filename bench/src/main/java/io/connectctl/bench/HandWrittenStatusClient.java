package io.connectctl.bench;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The floor for per-call cost: the Redpanda status call written by hand with OkHttp and Moshi,
 * decoding into plain classes, with no error mapping, retries or normalisation.
 */
public final class HandWrittenStatusClient {
  /** The {@code {"status": …}} envelope. */
  public static final class Envelope {
    public Status status;
  }

  /** The status. */
  public static final class Status {
    public String name;
    public String type;
    public State connector;
    public List<Task> tasks;

    @Json(name = "holistic_state")
    public String holisticState;

    public List<Object> errors;
  }

  /** The connector's state. */
  public static final class State {
    public String state;

    @Json(name = "worker_id")
    public String workerId;

    public String trace;
  }

  /** One task's state. */
  public static final class Task {
    public int id;
    public String state;

    @Json(name = "worker_id")
    public String workerId;

    public String trace;
  }

  private final OkHttpClient http;
  private final HttpUrl base;
  private final String cluster;
  private final String authorization;
  private final JsonAdapter<Envelope> adapter = new Moshi.Builder().build().adapter(Envelope.class);

  /**
   * @param http the client
   * @param baseUrl the server root
   * @param cluster the Connect cluster name
   * @param token the bearer token
   */
  public HandWrittenStatusClient(OkHttpClient http, String baseUrl, String cluster, String token) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl);
    this.cluster = cluster;
    this.authorization = "Bearer " + token;
  }

  /** GET {@code /v1/kafka-connect/clusters/{cluster}/connectors/{name}/status}. */
  public Status status(String name) throws IOException {
    HttpUrl url =
        base.newBuilder()
            .addPathSegments("v1/kafka-connect/clusters")
            .addPathSegment(cluster)
            .addPathSegment("connectors")
            .addPathSegment(name)
            .addPathSegment("status")
            .build();
    Request request = new Request.Builder().url(url).header("Authorization", authorization).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IOException("HTTP " + response.code() + " for " + url);
      }
      return adapter.fromJson(body.source()).status;
    }
  }
}
