package io.connectctl.facade.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.UnauthorizedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YandexIamCredentialsTest {
  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
  private static KeyPair keys;

  private final MutableClock clock = new MutableClock(START);
  private TokenServer server;

  @TempDir Path dir;

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** An IAM that issues {@code t1.n} tokens valid for 12 hours. */
  private void iam() throws IOException {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setHeader("Content-Type", "application/json")
                    .setBody(
                        "{\"iamToken\":\""
                            + server.issue("t1." + n)
                            + "\",\"expiresAt\":\"2025-03-02T00:00:00.123456789Z\"}"));
  }

  static String keyFileJson(String keyId, String account) {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    String privateKey =
        "PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <" + keyId + ">\n" + pem;
    return "{\"id\":\""
        + keyId
        + "\",\"service_account_id\":\""
        + account
        + "\",\"created_at\":\"2025-01-01T00:00:00Z\","
        + "\"key_algorithm\":\"RSA_2048\",\"public_key\":\"-----BEGIN PUBLIC KEY-----\\n...\","
        + "\"private_key\":"
        + quote(privateKey)
        + "}";
  }

  private static String quote(String text) {
    return new Moshi.Builder().build().adapter(String.class).toJson(text);
  }

  private static Map<String, Object> json(String text) throws IOException {
    return new Moshi.Builder()
        .build()
        .<Map<String, Object>>adapter(
            Types.newParameterizedType(Map.class, String.class, Object.class))
        .fromJson(text);
  }

  @Test
  void anOAuthTokenIsExchangedAndTheIamTokenCached() throws Exception {
    iam();
    YandexIamCredentials credentials =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);

    assertEquals("Bearer t1.1", credentials.authorizationHeader());
    assertEquals("Bearer t1.1", credentials.authorizationHeader());

    assertEquals(1, server.tokenRequestCount());
    RecordedRequest request = server.tokenRequests.get(0);
    assertEquals("POST", request.getMethod());
    assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
    assertEquals(
        Map.of("yandexPassportOauthToken", "y0_oauth-1"), json(request.getBody().readUtf8()));
  }

  @Test
  void iamTokensAreRefreshedWithinAnHourWhateverTheirExpiry() throws Exception {
    iam();
    YandexIamCredentials credentials =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);
    credentials.authorizationHeader();

    clock.advance(Duration.ofMinutes(58));
    assertEquals("Bearer t1.1", credentials.authorizationHeader());
    clock.advance(Duration.ofMinutes(1));
    assertEquals("Bearer t1.2", credentials.authorizationHeader());
  }

  @Test
  void aTokenCloseToItsExpiryIsRefreshed() throws Exception {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setBody(
                        "{\"iamToken\":\"t1."
                            + n
                            + "\",\"expiresAt\":\"2025-03-01T12:10:00+00:00\"}"));
    YandexIamCredentials credentials =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);
    credentials.authorizationHeader();

    clock.advance(Duration.ofSeconds(539));
    assertEquals("Bearer t1.1", credentials.authorizationHeader());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("Bearer t1.2", credentials.authorizationHeader());
  }

  @Test
  void aServiceAccountKeyIsExchangedWithASignedJwt() throws Exception {
    iam();
    Path file = dir.resolve("key.json");
    Files.writeString(file, keyFileJson("ajekey123", "ajeaccount456"));
    YandexIamCredentials credentials =
        YandexIamCredentials.serviceAccountKey(
            ServiceAccountKey.read(file), server.url("/token"), clock);

    assertEquals("Bearer t1.1", credentials.authorizationHeader());

    Map<String, Object> body = json(server.tokenRequests.get(0).getBody().readUtf8());
    String jwt = (String) body.get("jwt");
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    Base64.Decoder base64url = Base64.getUrlDecoder();
    Map<String, Object> header =
        json(new String(base64url.decode(parts[0]), StandardCharsets.UTF_8));
    Map<String, Object> claims =
        json(new String(base64url.decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals(Map.of("typ", "JWT", "alg", "PS256", "kid", "ajekey123"), header);
    assertEquals("ajeaccount456", claims.get("iss"));
    assertEquals(server.url("/token"), claims.get("aud"));
    double iat = (Double) claims.get("iat");
    double exp = (Double) claims.get("exp");
    assertEquals(START.getEpochSecond(), (long) iat);
    assertTrue(exp > iat && exp - iat <= 3600, "exp - iat = " + (exp - iat));
    assertFalse(parts[2].contains("="), "base64url without padding");

    Signature verifier = Signature.getInstance("RSASSA-PSS");
    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(
        verifier.verify(base64url.decode(parts[2])), "the signature verifies with the public key");
  }

  @Test
  void aReadyIamTokenIsUsedAsIs() {
    Credentials credentials = YandexIamCredentials.iamToken("t1.ready");
    assertEquals("Bearer t1.ready", credentials.authorizationHeader());
    assertFalse(credentials.canRefresh());
    assertFalse(credentials.toString().contains("t1.ready"));
  }

  @Test
  void aRefusedExchangeIsUnauthorizedWithTheIamsMessage() throws Exception {
    server =
        new TokenServer(
            n ->
                new MockResponse()
                    .setResponseCode(401)
                    .setBody("{\"code\":16,\"message\":\"The token is invalid\",\"details\":[]}"));
    YandexIamCredentials credentials =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, credentials::authorizationHeader);

    assertEquals(Vendor.YANDEX, e.vendor());
    assertEquals(
        "yandex: could not obtain an IAM token from "
            + server.url("/token")
            + ": HTTP 401 16: The token is invalid (check the credentials)",
        e.getMessage());
  }

  @Test
  void aBadExpiryIsExplained() throws Exception {
    server =
        new TokenServer(
            n -> new MockResponse().setBody("{\"iamToken\":\"t1.x\",\"expiresAt\":\"soon\"}"));
    YandexIamCredentials credentials =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);

    UnauthorizedException e =
        assertThrows(UnauthorizedException.class, credentials::authorizationHeader);
    assertTrue(e.getMessage().endsWith(": \"expiresAt\" is not an RFC 3339 time"), e.getMessage());
    assertFalse(e.getMessage().contains("t1.x"));
  }

  @Test
  void toStringAndSecretsNeverShowTheKeyOrTokens() throws Exception {
    iam();
    YandexIamCredentials oauth =
        YandexIamCredentials.oauthToken("y0_oauth-1", server.url("/token"), clock);
    oauth.authorizationHeader();
    assertEquals(
        "YandexIamCredentials[OAuth token, iamUrl=" + server.url("/token") + "]", oauth.toString());
    assertTrue(oauth.secrets().containsAll(java.util.List.of("y0_oauth-1", "t1.1")));

    ServiceAccountKey key = ServiceAccountKey.parse(keyFileJson("ajekey123", "ajeaccount456"));
    assertEquals(
        "ServiceAccountKey[keyId=ajekey123, serviceAccountId=ajeaccount456]", key.toString());
    assertEquals(
        "YandexIamCredentials[service account ajeaccount456 key ajekey123, iamUrl=https://iam.example/t]",
        YandexIamCredentials.serviceAccountKey(key, "https://iam.example/t").toString());
  }

  @Test
  void keyFileProblemsNameTheFileAndTheFieldButNotTheContent() throws IOException {
    Path missing = dir.resolve("nope.json");
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                YandexIamCredentials.serviceAccountKeyFile(
                    missing, YandexIamCredentials.DEFAULT_IAM_URL));
    assertEquals("yandex: the key file " + missing + " does not exist", e.getMessage());

    Path notJson = dir.resolve("bad.json");
    Files.writeString(notJson, "secret-looking garbage");
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> ServiceAccountKey.read(notJson));
    assertEquals(
        "the key file " + notJson + " is not a service account key: it is not a JSON object",
        bad.getMessage());

    Path noKey = dir.resolve("nokey.json");
    Files.writeString(noKey, "{\"id\":\"k\",\"service_account_id\":\"a\"}");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ServiceAccountKey.read(noKey))
            .getMessage()
            .endsWith("\"private_key\" is missing"));

    Path pkcs1 = dir.resolve("pkcs1.json");
    Files.writeString(
        pkcs1,
        "{\"id\":\"k\",\"service_account_id\":\"a\",\"private_key\":"
            + "\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEcanary\\n-----END RSA PRIVATE KEY-----\"}");
    String message =
        assertThrows(IllegalArgumentException.class, () -> ServiceAccountKey.read(pkcs1))
            .getMessage();
    assertTrue(message.endsWith("(PKCS#1 keys must be converted to PKCS#8)"), message);
    assertFalse(message.contains("MIIEcanary"));

    Path garbled = dir.resolve("garbled.json");
    Files.writeString(
        garbled,
        "{\"id\":\"k\",\"service_account_id\":\"a\",\"private_key\":"
            + "\"-----BEGIN PRIVATE KEY-----\\nMIIEcanary\\n-----END PRIVATE KEY-----\"}");
    message =
        assertThrows(IllegalArgumentException.class, () -> ServiceAccountKey.read(garbled))
            .getMessage();
    assertTrue(message.endsWith("\"private_key\" is not a readable RSA private key"), message);
    assertFalse(message.contains("MIIEcanary"));
  }

  @Test
  void camelCaseKeyFilesAreAccepted() {
    String json =
        keyFileJson("k1", "a1")
            .replace("service_account_id", "serviceAccountId")
            .replace("private_key", "privateKey");
    ServiceAccountKey key = ServiceAccountKey.parse(json);
    assertEquals("a1", key.serviceAccountId());
    assertInstanceOf(java.security.interfaces.RSAPrivateKey.class, key.privateKey());
  }
}
