package io.connectctl.bench;

import io.connectctl.bench.stock.ApiClient;
import io.connectctl.bench.stock.ApiException;
import io.connectctl.client.redpanda.api.ConnectorsApi;
import io.connectctl.client.redpanda.model.ConnectorStatusResponse;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (1) One Redpanda status call against a loopback server that answers at once with the spec's
 * {@code running} example, four ways: the facade, the generated Retrofit interface alone,
 * hand-written OkHttp + Moshi (the floor), and openapi-generator's stock java/okhttp-gson client
 * generated from the same spec.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatusCallBenchmark {
  static final String CLUSTER = "redpanda";
  static final String NAME = "orders-s3-sink";
  static final String TOKEN = "bench-token";

  private ServerProcess server;
  private ConnectorClient facade;
  private ConnectorsApi retrofit;
  private HandWrittenStatusClient handWritten;
  private io.connectctl.bench.stock.api.ConnectorsApi stock;

  /** Starts the server and builds the four clients the way a user would. */
  @Setup(Level.Trial)
  public void setUp() {
    server = ServerProcess.start("status");
    facade =
        RedpandaConnectorClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(StaticCredentials.bearer(TOKEN))
            .retryPolicy(RetryPolicy.defaults())
            .httpLogging(false)
            .build();
    OkHttpClient withToken =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", "Bearer " + TOKEN)
                            .build()))
            .build();
    retrofit =
        GeneratedClients.retrofit(HttpUrl.get(server.baseUrl()), withToken)
            .create(ConnectorsApi.class);
    handWritten = new HandWrittenStatusClient(new OkHttpClient(), server.baseUrl(), CLUSTER, TOKEN);
    ApiClient apiClient = new ApiClient();
    apiClient.setBasePath(server.baseUrl());
    apiClient.setBearerToken(TOKEN);
    stock = new io.connectctl.bench.stock.api.ConnectorsApi(apiClient);
    checkAllFourDecodeTheStatus();
  }

  /**
   * Each client must really decode the body (the name and the RUNNING state), or its timing means
   * nothing.
   */
  private void checkAllFourDecodeTheStatus() {
    try {
      ConnectorStatus a = facade();
      expect("facade", a.name(), a.vendorState());
      ConnectorStatusResponse b = retrofit();
      expect("retrofit", b.status().name(), b.status().connector().state().value());
      HandWrittenStatusClient.Status c = handWritten();
      expect("hand-written", c.name, c.connector.state);
      io.connectctl.bench.stock.model.ConnectorStatusResponse d = stockOkhttpGson();
      expect(
          "stock okhttp-gson",
          d.getStatus().getName(),
          d.getStatus().getConnector().getState().getValue());
    } catch (IOException | ApiException e) {
      throw new IllegalStateException("A client could not read the status: " + e, e);
    }
  }

  private static void expect(String client, String name, String state) {
    if (!NAME.equals(name) || !"RUNNING".equals(state)) {
      throw new IllegalStateException(
          client + " decoded name=" + name + " state=" + state + ", expected " + NAME + " RUNNING");
    }
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    facade.close();
    server.close();
  }

  /** (a) The facade: {@code RedpandaConnectorClient.status}, default retry policy, logging off. */
  @Benchmark
  public ConnectorStatus facade() {
    return facade.status(NAME);
  }

  /** (b) The generated Retrofit interface alone. */
  @Benchmark
  public ConnectorStatusResponse retrofit() throws IOException {
    retrofit2.Response<ConnectorStatusResponse> response =
        retrofit.getConnectorStatus(CLUSTER, NAME).execute();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }

  /** (c) Hand-written OkHttp + Moshi: the floor. */
  @Benchmark
  public HandWrittenStatusClient.Status handWritten() throws IOException {
    return handWritten.status(NAME);
  }

  /** (d) openapi-generator's stock java/okhttp-gson client. */
  @Benchmark
  public io.connectctl.bench.stock.model.ConnectorStatusResponse stockOkhttpGson()
      throws ApiException {
    return stock.getConnectorStatus(CLUSTER, NAME);
  }
}
