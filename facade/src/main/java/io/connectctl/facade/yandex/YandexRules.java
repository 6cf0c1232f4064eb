package io.connectctl.facade.yandex;

import static io.connectctl.facade.internal.EnvironmentVariables.missing;
import static io.connectctl.facade.internal.EnvironmentVariables.present;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import io.connectctl.facade.auth.ServiceAccountKey;
import io.connectctl.facade.auth.YandexIamCredentials;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnauthorizedException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Yandex's rules ({@code Vendor.YANDEX.rules()}): names of at most 256 characters from {@code
 * [-_.a-zA-Z0-9]}; no vendor-specific retries (the connector service answers with long-running
 * operations); error codes are gRPC status numbers; tasks are not reported; secret-looking config
 * keys are write-only (sent, never returned); credentials are {@code YC_IAM_TOKEN} (a ready IAM
 * token), else {@code YC_TOKEN} (an OAuth token exchanged at the IAM URL), else {@code
 * YC_SERVICE_ACCOUNT_KEY_FILE} (a service-account authorized key file).
 */
public final class YandexRules implements VendorRules {
  /** The rules, as {@link Vendor#rules()} returns them for {@link Vendor#YANDEX}. */
  public static final YandexRules INSTANCE = new YandexRules();

  private static final Pattern NAME = Pattern.compile("[-_.a-zA-Z0-9]*");
  private static final int NAME_MAX = 256;
  private static final Pattern GRPC_CODE = Pattern.compile("\\d{1,2}");
  private static final String IAM_TOKEN = "YC_IAM_TOKEN";
  private static final String OAUTH_TOKEN = "YC_TOKEN";
  private static final String KEY_FILE = "YC_SERVICE_ACCOUNT_KEY_FILE";

  private YandexRules() {}

  @Override
  public void checkName(String name) {
    if (name.length() > NAME_MAX) {
      throw InvalidRequestException.beforeSending(
          Vendor.YANDEX,
          "Connector name '"
              + abbreviate(name)
              + "' is "
              + name.length()
              + " characters long; yandex allows at most "
              + NAME_MAX,
          "name");
    }
    if (!NAME.matcher(name).matches()) {
      throw InvalidRequestException.beforeSending(
          Vendor.YANDEX,
          "Connector name '"
              + name
              + "' is not allowed by yandex: use only letters, digits, '-', '_' and '.' ([-_.a-zA-Z0-9], at most 256)",
          "name");
    }
  }

  /** Builds the typed connector spec a create would send; refuses what it cannot hold. */
  @Override
  public void checkConfig(String name, Map<String, String> config) {
    YandexConfigMapping.toSpec(name, config);
  }

  @Override
  public Optional<String> describeCode(String code) {
    if (!GRPC_CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(code);
    return Optional.of(
        GrpcCodes.known(n) ? GrpcCodes.name(n) + " (gRPC " + code + ")" : "gRPC " + code);
  }

  @Override
  public boolean reportsTasks() {
    return false;
  }

  @Override
  public boolean typedConfigs() {
    return true;
  }

  @Override
  public boolean isWriteOnlyConfigKey(String key) {
    return Redaction.isSecretKey(key);
  }

  /** {@code /managed-kafka/v1}: the Managed Kafka API's paths start with /managed-kafka/v1. */
  @Override
  public Optional<String> apiPathPrefix() {
    return Optional.of("/managed-kafka/v1");
  }

  @Override
  public List<String> credentialVariables() {
    return List.of(IAM_TOKEN, OAUTH_TOKEN, KEY_FILE);
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnauthorizedException also naming {@code YC_SERVICE_ACCOUNT_KEY_FILE} and its path when
   *     the file is missing, unreadable or not a key
   */
  @Override
  public Credentials credentialsFrom(Map<String, String> env, String tokenUrl) {
    String iamToken = env.get(IAM_TOKEN);
    if (present(iamToken)) {
      return YandexIamCredentials.iamToken(iamToken.trim());
    }
    String oauthToken = env.get(OAUTH_TOKEN);
    if (present(oauthToken)) {
      return YandexIamCredentials.oauthToken(oauthToken.trim(), tokenUrl);
    }
    String keyFile = env.get(KEY_FILE);
    if (present(keyFile)) {
      return YandexIamCredentials.serviceAccountKey(readKey(keyFile.trim()), tokenUrl);
    }
    throw missing(Vendor.YANDEX, IAM_TOKEN + ", " + OAUTH_TOKEN + " or " + KEY_FILE);
  }

  private static ServiceAccountKey readKey(String keyFile) {
    try {
      return ServiceAccountKey.read(Path.of(keyFile));
    } catch (InvalidPathException e) {
      throw invalid(KEY_FILE + "=" + keyFile + " is not a valid path");
    } catch (IllegalArgumentException e) {
      throw invalid(KEY_FILE + ": " + e.getMessage());
    }
  }

  private static UnauthorizedException invalid(String message) {
    return new UnauthorizedException(
        "Unusable yandex credentials: " + message, ErrorContext.of(Vendor.YANDEX), null);
  }

  private static String abbreviate(String name) {
    return name.length() <= 40 ? name : name.substring(0, 37) + "...";
  }
}
