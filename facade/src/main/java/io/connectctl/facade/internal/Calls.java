package io.connectctl.facade.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import java.io.EOFException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call and turns every failure into the right {@link
 * ConnectCloudException}.
 */
public final class Calls {
  /** How much of an error body is read to classify it. */
  private static final long ERROR_BODY_LIMIT = 16 * 1024;

  private Calls() {}

  /**
   * Runs {@code call} (retries, authentication and logging happen in the {@link HttpStack} client).
   *
   * @param what what is being done, for messages, e.g. {@code pause connector 'orders'}
   * @return the body (null for empty bodies)
   * @throws ConnectCloudException of the kind that matches the failure
   */
  public static <T> T execute(Vendor vendor, Call<T> call, String what) {
    return executeForResponse(vendor, call, what).body();
  }

  /** As {@link #execute}, returning the whole successful response (status and headers too). */
  public static <T> Response<T> executeForResponse(Vendor vendor, Call<T> call, String what) {
    return executeForResponse(vendor, call, what, 0);
  }

  /**
   * As {@link #execute}, for a write whose {@code status} answer to a retry, after an attempt whose
   * answer was lost, means the first attempt did the work (a 404 to a delete, a 409 to a create).
   *
   * @return true when the answer was that {@code status} to such a retry; false on success
   * @throws ConnectCloudException as {@link #execute} for every other failure (that {@code status}
   *     to a first attempt included)
   */
  public static boolean retryFound(Vendor vendor, Call<?> call, String what, int status) {
    return !executeForResponse(vendor, call, what, status).isSuccessful();
  }

  private static <T> Response<T> executeForResponse(
      Vendor vendor, Call<T> call, String what, int foundAfterLostAnswer) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (JsonEncodingException | JsonDataException e) {
      throw ErrorMapper.fromMalformedBody(vendor, e, what);
    } catch (EOFException e) {
      // Moshi reports a 2xx body that stops mid-JSON this way
      throw ErrorMapper.fromMalformedBody(vendor, e, what);
    } catch (IOException e) {
      throw ErrorMapper.fromIOException(vendor, e, what, where(call.request().url()));
    } catch (ConnectCloudException e) {
      throw e;
    } catch (ClientClosedException e) {
      throw e; // a closed client refusing to send, not a body problem
    } catch (RuntimeException e) {
      throw ErrorMapper.fromMalformedBody(vendor, e, what);
    }
    if (response.isSuccessful()) {
      return response;
    }
    if (response.code() == foundAfterLostAnswer
        && response.raw().header(RetryInterceptor.AFTER_LOST_ANSWER) != null) {
      try (ResponseBody ignored = response.errorBody()) {
        return response;
      }
    }
    String body;
    try (ResponseBody error = response.errorBody()) {
      body = error == null ? "" : readLimited(error);
    }
    KnownSecrets secrets = KnownSecrets.of(response.raw().request());
    throw ErrorMapper.fromResponse(
        vendor, response.code(), response.headers(), body, what, secrets.all());
  }

  /** The URL without its query (which may hold page tokens), to name where a connection failed. */
  private static String where(HttpUrl url) {
    return url.newBuilder().query(null).fragment(null).build().toString();
  }

  /** Up to {@link #ERROR_BODY_LIMIT} bytes of the body; whatever arrived if the body breaks off. */
  private static String readLimited(ResponseBody body) {
    BufferedSource source = body.source();
    try {
      source.request(ERROR_BODY_LIMIT);
    } catch (IOException brokenOff) {
      // keep what was buffered
    }
    Buffer copy = source.getBuffer().clone();
    if (copy.size() > ERROR_BODY_LIMIT) {
      return copy.snapshot((int) ERROR_BODY_LIMIT).utf8();
    }
    return copy.readUtf8();
  }
}
