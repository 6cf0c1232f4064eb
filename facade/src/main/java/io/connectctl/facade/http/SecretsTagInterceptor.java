package io.connectctl.facade.http;

import io.connectctl.facade.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Attaches {@link KnownSecrets} to each request so every later step can hide them. Runs first. */
final class SecretsTagInterceptor implements Interceptor {
  private final Credentials credentials;

  SecretsTagInterceptor(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    return chain.proceed(request.newBuilder()
        .tag(KnownSecrets.class, KnownSecrets.of(credentials, request))
        .build());
  }
}
