package io.connectctl.client.runtime;

import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Builds the {@link Retrofit} instance every generated interface expects: path encoding, request
 * bodies checked for required properties ({@link RequestBodies}), Moshi models.
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

  /**
   * As {@link #retrofit(HttpUrl, OkHttpClient)} with a caller's Moshi (it must include {@link
   * ModelJson#FACTORY}).
   */
  public static Retrofit retrofit(HttpUrl baseUrl, OkHttpClient client, Moshi moshi) {
    HttpUrl root = baseUrl.toString().endsWith("/") ? baseUrl : HttpUrl.get(baseUrl + "/");
    return new Retrofit.Builder()
        .baseUrl(root)
        .client(client)
        .addConverterFactory(PathSegmentEncoding.create())
        .addConverterFactory(RequestBodies.converterFactory())
        .addConverterFactory(new NullKeepingBodies(moshi))
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  /** Request bodies of methods marked {@link SendNulls}: written by Moshi with its nulls kept. */
  private static final class NullKeepingBodies extends Converter.Factory {
    private final MoshiConverterFactory withNulls;

    NullKeepingBodies(Moshi moshi) {
      this.withNulls = MoshiConverterFactory.create(moshi).withNullSerialization();
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(
        Type type,
        Annotation[] parameterAnnotations,
        Annotation[] methodAnnotations,
        Retrofit retrofit) {
      for (Annotation a : methodAnnotations) {
        if (a instanceof SendNulls) {
          return withNulls.requestBodyConverter(
              type, parameterAnnotations, methodAnnotations, retrofit);
        }
      }
      return null;
    }
  }
}
