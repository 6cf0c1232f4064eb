package io.connectctl.client.runtime;

import com.squareup.moshi.Moshi;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Builds the {@link Retrofit} instance every generated interface expects: path encoding, request bodies checked for
 * required properties ({@link RequestBodies}), Moshi models.
 */
public final class GeneratedClients {
  private GeneratedClients() {}

  /**
   * @param baseUrl the server root; paths in the generated interfaces are relative to it
   * @param client the HTTP client (authentication, logging and retries are its interceptors)
   */
  public static Retrofit retrofit(HttpUrl baseUrl, OkHttpClient client) {
    return retrofit(baseUrl, client, ModelJson.moshi());
  }

  /** As {@link #retrofit(HttpUrl, OkHttpClient)} with a caller's Moshi (it must include {@link ModelJson#FACTORY}). */
  public static Retrofit retrofit(HttpUrl baseUrl, OkHttpClient client, Moshi moshi) {
    HttpUrl root = baseUrl.toString().endsWith("/") ? baseUrl : HttpUrl.get(baseUrl + "/");
    return new Retrofit.Builder()
        .baseUrl(root)
        .client(client)
        .addConverterFactory(PathSegmentEncoding.create())
        .addConverterFactory(RequestBodies.converterFactory())
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }
}
