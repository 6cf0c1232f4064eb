package io.connectctl.facade.internal;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** A tiny Retrofit interface to drive the HTTP stack in tests. */
interface TestApi {
  @GET("things/{name}")
  Call<Map<String, Object>> get(@Path("name") String name);

  @PUT("things/{name}")
  Call<Map<String, Object>> put(@Path("name") String name, @Body Map<String, Object> body);

  @POST("things")
  Call<Map<String, Object>> create(@Body Map<String, Object> body);

  @POST("things")
  Call<Map<String, Object>> create(
      @Header("Idempotency-Key") String idempotencyKey, @Body Map<String, Object> body);

  @PATCH("things/{name}")
  Call<Map<String, Object>> patch(@Path("name") String name, @Body Map<String, Object> body);

  @DELETE("things/{name}")
  Call<Void> delete(@Path("name") String name);
}
