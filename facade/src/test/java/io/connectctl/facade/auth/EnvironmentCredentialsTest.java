package io.connectctl.facade.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.UnauthorizedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentCredentialsTest {
  private static final String TOKEN_URL = "https://auth.example/oauth/token";
  private static final String IAM_URL = YandexIamCredentials.DEFAULT_IAM_URL;

  @TempDir Path dir;

  @Test
  void redpandaPrefersAReadyToken() {
    Credentials c =
        EnvironmentCredentials.redpanda(
            Map.of(
                "REDPANDA_TOKEN",
                "rp-token",
                "REDPANDA_CLIENT_ID",
                "id",
                "REDPANDA_CLIENT_SECRET",
                "rp-secret"),
            TOKEN_URL);
    assertEquals("Bearer rp-token", c.authorizationHeader());
  }

  @Test
  void redpandaClientCredentialsUseTheTokenUrlAndTheDefaultAudience() {
    Credentials c =
        EnvironmentCredentials.redpanda(
            Map.of("REDPANDA_CLIENT_ID", "id-1", "REDPANDA_CLIENT_SECRET", "rp-secret"), TOKEN_URL);

    assertInstanceOf(OAuth2ClientCredentials.class, c);
    assertEquals(
        "OAuth2ClientCredentials[clientId=id-1, tokenUrl="
            + TOKEN_URL
            + ", audience=cloudv2-production.redpanda.cloud]",
        c.toString());
    assertTrue(c.secrets().contains("rp-secret"));
  }

  @Test
  void redpandaAudienceCanBeChangedOrDropped() {
    Credentials other =
        EnvironmentCredentials.redpanda(
            Map.of(
                "REDPANDA_CLIENT_ID",
                "id-1",
                "REDPANDA_CLIENT_SECRET",
                "rp-secret",
                "REDPANDA_AUDIENCE",
                "other"),
            TOKEN_URL);
    assertTrue(other.toString().endsWith(", audience=other]"), other.toString());
    Credentials none =
        EnvironmentCredentials.redpanda(
            Map.of(
                "REDPANDA_CLIENT_ID",
                "id-1",
                "REDPANDA_CLIENT_SECRET",
                "rp-secret",
                "REDPANDA_AUDIENCE",
                ""),
            TOKEN_URL);
    assertFalse(none.toString().contains("audience"), none.toString());
  }

  @Test
  void redpandaHalfAPairNamesTheMissingVariable() {
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> EnvironmentCredentials.redpanda(Map.of("REDPANDA_CLIENT_ID", "id-1"), TOKEN_URL));
    assertEquals(
        "Incomplete redpanda credentials: REDPANDA_CLIENT_ID is set but REDPANDA_CLIENT_SECRET is not",
        e.getMessage());

    e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                EnvironmentCredentials.redpanda(
                    Map.of("REDPANDA_CLIENT_SECRET", "rp-secret"), TOKEN_URL));
    assertEquals(
        "Incomplete redpanda credentials: REDPANDA_CLIENT_SECRET is set but REDPANDA_CLIENT_ID is not",
        e.getMessage());
    assertFalse(e.getMessage().contains("rp-secret"));
  }

  @Test
  void redpandaNothingSetNamesTheChoices() {
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () -> EnvironmentCredentials.redpanda(Map.of("REDPANDA_TOKEN", "  "), TOKEN_URL));
    assertEquals(ErrorKind.UNAUTHORIZED, e.kind());
    assertEquals(Vendor.REDPANDA, e.vendor());
    assertEquals(
        "No redpanda credentials: set REDPANDA_TOKEN, or REDPANDA_CLIENT_ID and REDPANDA_CLIENT_SECRET",
        e.getMessage());
  }

  @Test
  void confluentUsesBasicAuth() {
    Credentials c =
        EnvironmentCredentials.confluent(
            Map.of("CONFLUENT_CLOUD_API_KEY", "KEY1", "CONFLUENT_CLOUD_API_SECRET", "cf-secret"));
    assertEquals(
        "Basic "
            + Base64.getEncoder().encodeToString("KEY1:cf-secret".getBytes(StandardCharsets.UTF_8)),
        c.authorizationHeader());
    assertEquals("StaticCredentials[API key KEY1]", c.toString());
  }

  @Test
  void confluentMissingParts() {
    assertEquals(
        "Incomplete confluent credentials: CONFLUENT_CLOUD_API_KEY is set but CONFLUENT_CLOUD_API_SECRET is not",
        assertThrows(
                UnauthorizedException.class,
                () -> EnvironmentCredentials.confluent(Map.of("CONFLUENT_CLOUD_API_KEY", "KEY1")))
            .getMessage());
    assertEquals(
        "No confluent credentials: set CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET",
        assertThrows(UnauthorizedException.class, () -> EnvironmentCredentials.confluent(Map.of()))
            .getMessage());
  }

  @Test
  void yandexPrefersAReadyIamTokenThenOAuthThenAKeyFile() throws Exception {
    Path key = writeKey();
    Credentials iam =
        EnvironmentCredentials.yandex(
            Map.of(
                "YC_IAM_TOKEN",
                "t1.iam",
                "YC_TOKEN",
                "y0_oauth",
                "YC_SERVICE_ACCOUNT_KEY_FILE",
                key.toString()),
            IAM_URL);
    assertEquals("Bearer t1.iam", iam.authorizationHeader());

    Credentials oauth =
        EnvironmentCredentials.yandex(
            Map.of("YC_TOKEN", "y0_oauth", "YC_SERVICE_ACCOUNT_KEY_FILE", key.toString()), IAM_URL);
    assertEquals("YandexIamCredentials[OAuth token, iamUrl=" + IAM_URL + "]", oauth.toString());

    Credentials sa =
        EnvironmentCredentials.yandex(
            Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", key.toString()), IAM_URL);
    assertEquals(
        "YandexIamCredentials[service account acc-1 key key-1, iamUrl=" + IAM_URL + "]",
        sa.toString());
  }

  @Test
  void yandexMissingKeyFileNamesTheVariableAndPath() {
    Path missing = dir.resolve("missing.json");
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                EnvironmentCredentials.yandex(
                    Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", missing.toString()), IAM_URL));
    assertEquals(
        "Unusable yandex credentials: YC_SERVICE_ACCOUNT_KEY_FILE: the key file "
            + missing
            + " does not exist",
        e.getMessage());
  }

  @Test
  void yandexUnreadableKeyFileNamesTheVariableAndPath() {
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                EnvironmentCredentials.yandex(
                    Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", dir.toString()), IAM_URL));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Unusable yandex credentials: YC_SERVICE_ACCOUNT_KEY_FILE: the key file "
                    + dir
                    + " cannot be read"),
        e.getMessage());
  }

  @Test
  void yandexKeyFileThatIsNotAKeyIsExplainedWithoutItsContent() throws IOException {
    Path file = dir.resolve("key.json");
    Files.writeString(file, "{\"id\":\"k\",\"private_key\":\"canary-private\"}");
    UnauthorizedException e =
        assertThrows(
            UnauthorizedException.class,
            () ->
                EnvironmentCredentials.yandex(
                    Map.of("YC_SERVICE_ACCOUNT_KEY_FILE", file.toString()), IAM_URL));
    assertEquals(
        "Unusable yandex credentials: YC_SERVICE_ACCOUNT_KEY_FILE: the key file "
            + file
            + " is not a service account key: \"service_account_id\" is missing",
        e.getMessage());
  }

  @Test
  void yandexNothingSet() {
    assertEquals(
        "No yandex credentials: set YC_IAM_TOKEN, YC_TOKEN or YC_SERVICE_ACCOUNT_KEY_FILE",
        assertThrows(
                UnauthorizedException.class, () -> EnvironmentCredentials.yandex(Map.of(), IAM_URL))
            .getMessage());
  }

  private Path writeKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    Path file = dir.resolve("sa.json");
    Files.writeString(
        file,
        "{\"id\":\"key-1\",\"service_account_id\":\"acc-1\",\"private_key\":\"" + pem + "\"}");
    return file;
  }
}
