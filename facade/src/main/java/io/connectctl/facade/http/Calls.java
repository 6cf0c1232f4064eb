package io.connectctl.facade.http;

import io.connectctl.facade.ConnectCloudException;
import io.connectctl.facade.Vendor;
import java.io.IOException;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/** Runs a generated Retrofit call and turns every failure into the right {@link ConnectCloudException}. */
public final class Calls {
  private static final int EXCERPT = 2048;

  private Calls() {}

  /**
   * @param what what is being done, for messages, e.g. {@code pause connector 'orders'}
   * @return the body (null for empty bodies)
   */
  public static <T> T execute(Vendor vendor, Call<T> call, String what) {
    return executeForResponse(vendor, call, what).body();
  }

  /** As {@link #execute}, returning the whole successful response (status and headers too). */
  public static <T> Response<T> executeForResponse(Vendor vendor, Call<T> call, String what) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw ErrorMapper.fromIOException(vendor, e, what);
    } catch (RuntimeException e) {
      if (e instanceof ConnectCloudException c) {
        throw c;
      }
      throw ErrorMapper.fromMalformedBody(vendor, e, what);
    }
    if (response.isSuccessful()) {
      return response;
    }
    String body;
    try (ResponseBody error = response.errorBody()) {
      body = error == null ? "" : readLimited(error);
    } catch (IOException e) {
      body = "";
    }
    throw ErrorMapper.fromResponse(vendor, response.code(), response.headers(), body, what);
  }

  private static String readLimited(ResponseBody body) throws IOException {
    okio.BufferedSource source = body.source();
    source.request(EXCERPT * 8L);
    okio.Buffer copy = source.getBuffer().clone();
    return copy.readUtf8(Math.min(copy.size(), EXCERPT * 8L));
  }
}
