package io.connectctl.facade.auth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A Yandex Cloud service-account authorized key, as {@code yc iam key create} writes it: {@code
 * {"id": keyId, "service_account_id": …, "private_key": "-----BEGIN PRIVATE KEY-----…"}}. {@link
 * #toString()} never shows the private key.
 *
 * @param keyId the key id (the JWT's {@code kid})
 * @param serviceAccountId the service account (the JWT's {@code iss})
 * @param privateKey the RSA private key that signs the JWT
 */
public record ServiceAccountKey(String keyId, String serviceAccountId, PrivateKey privateKey) {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  /** Validates. */
  public ServiceAccountKey {
    requireText(keyId, "id");
    requireText(serviceAccountId, "service_account_id");
    if (!(Objects.requireNonNull(privateKey, "privateKey") instanceof RSAPrivateKey)) {
      throw new IllegalArgumentException("private_key must be an RSA key");
    }
  }

  /**
   * Reads a key file.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it (never its content)
   */
  public static ServiceAccountKey read(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the key file " + file + " does not exist");
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException(
          "the key file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the key file " + file + " is not a service account key: " + e.getMessage());
    }
  }

  /**
   * Parses the JSON of a key file.
   *
   * @throws IllegalArgumentException saying which field is missing or malformed (never its content)
   */
  public static ServiceAccountKey parse(String json) {
    Map<String, Object> map;
    try {
      map = JSON.fromJson(json);
    } catch (IOException | RuntimeException e) {
      map = null;
    }
    if (map == null) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    String id = field(map, "id", "id");
    String account = field(map, "service_account_id", "serviceAccountId");
    String pem = field(map, "private_key", "privateKey");
    return new ServiceAccountKey(id, account, privateKey(pem));
  }

  private static String field(Map<String, Object> map, String name, String alternative) {
    Object value = map.containsKey(name) ? map.get(name) : map.get(alternative);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("\"" + name + "\" is missing");
    }
    return s;
  }

  /**
   * Decodes a PEM PKCS#8 RSA key; text before the BEGIN line (Yandex adds a comment line) is
   * ignored.
   */
  private static PrivateKey privateKey(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      String hint =
          pem.contains("BEGIN RSA PRIVATE KEY") ? " (PKCS#1 keys must be converted to PKCS#8)" : "";
      throw new IllegalArgumentException("\"private_key\" is not a PEM PKCS#8 private key" + hint);
    }
    String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("\"private_key\" is not a readable RSA private key");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("\"" + name + "\" must not be empty");
    }
  }

  /** The ids only. */
  @Override
  public String toString() {
    return "ServiceAccountKey[keyId=" + keyId + ", serviceAccountId=" + serviceAccountId + "]";
  }
}
