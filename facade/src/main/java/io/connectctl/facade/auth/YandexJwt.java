package io.connectctl.facade.auth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWT a Yandex service account exchanges for an IAM token: header {@code
 * {"typ":"JWT","alg":"PS256","kid"}}, claims {@code iss} (service account), {@code aud} (the IAM
 * token URL), {@code iat}, {@code exp}; signed with RSASSA-PSS over SHA-256 (MGF1 SHA-256, 32-byte
 * salt) by the JDK.
 */
final class YandexJwt {
  /** How long a JWT is valid; Yandex accepts at most one hour. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private YandexJwt() {}

  /** A signed JWT for {@code key}, addressed to {@code audience}, issued at {@code now}. */
  static String sign(ServiceAccountKey key, String audience, Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("alg", "PS256");
    header.put("kid", key.keyId());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", key.serviceAccountId());
    claims.put("aud", audience);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    String signingInput = encode(JSON.toJson(header)) + "." + encode(JSON.toJson(claims));
    try {
      Signature signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      signature.initSign(key.privateKey());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot sign the service account JWT: " + e.getClass().getSimpleName(), e);
    }
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
