package io.connectctl.facade.internal;

import io.connectctl.facade.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the {@code Authorization} header (none when the credentials give an empty one). On a 401
 * from credentials that can refresh (a token that expired mid-run) it invalidates the token and
 * tries once more with a fresh one; the server did not act on the refused request, so this is safe
 * for every method.
 */
final class AuthInterceptor implements Interceptor {
  private final Credentials credentials;

  AuthInterceptor(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(withAuth(request));
    boolean replayable = request.body() == null || !request.body().isOneShot();
    if (response.code() == 401 && credentials.canRefresh() && replayable) {
      credentials.invalidate();
      response.close();
      response = chain.proceed(withAuth(request));
    }
    return response;
  }

  private Request withAuth(Request request) {
    String header = credentials.authorizationHeader();
    if (header == null || header.isEmpty()) {
      return request; // no credentials: nothing to add
    }
    if (header.equals(request.header("Authorization"))) {
      return request; // added with the secrets tag, in the same request copy
    }
    return request.newBuilder().header("Authorization", header).build();
  }
}
