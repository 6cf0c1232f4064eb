package io.connectctl.facade.internal;

import io.connectctl.facade.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Attaches {@link KnownSecrets} to each request so every later step can hide them. Runs first. When
 * asked to, and the credentials never change (no refresh), it also adds the {@code Authorization}
 * header in the same request copy; {@link AuthInterceptor} then finds it in place and copies
 * nothing.
 */
final class SecretsTagInterceptor implements Interceptor {
  private final Credentials credentials;
  private final boolean authenticate;

  SecretsTagInterceptor(Credentials credentials) {
    this(credentials, false);
  }

  SecretsTagInterceptor(Credentials credentials, boolean authenticate) {
    this.credentials = credentials;
    this.authenticate = authenticate;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    var tagged =
        request.newBuilder().tag(KnownSecrets.class, KnownSecrets.of(credentials, request));
    if (authenticate && !credentials.canRefresh()) {
      String header = credentials.authorizationHeader();
      if (header != null && !header.isEmpty()) { // empty: no credentials, no header
        tagged.header("Authorization", header);
      }
    }
    return chain.proceed(tagged.build());
  }
}
