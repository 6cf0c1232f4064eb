package io.connectctl.facade.http;

import io.connectctl.facade.auth.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the {@code Authorization} header; on a 401 it refreshes the credentials once and tries again. */
final class AuthInterceptor implements Interceptor {
  private final Credentials credentials;

  AuthInterceptor(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(withAuth(request));
    if (response.code() == 401) {
      credentials.invalidate();
      response.close();
      response = chain.proceed(withAuth(request));
    }
    return response;
  }

  private Request withAuth(Request request) {
    return request.newBuilder().header("Authorization", credentials.authorizationHeader()).build();
  }
}
