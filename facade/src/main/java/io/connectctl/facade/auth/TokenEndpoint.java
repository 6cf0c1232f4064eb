package io.connectctl.facade.auth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.internal.ErrorMapper;
import io.connectctl.facade.internal.VendorErrorBody;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One token endpoint: posts a request and reads the JSON object it answers. Every failure becomes
 * an {@link UnauthorizedException} that says where the token was requested and why it failed, never
 * a secret.
 */
final class TokenEndpoint {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final long MAX_BODY = 64 * 1024;

  private final Vendor vendor;
  private final HttpUrl url;
  private final String what;

  /**
   * @param what what is requested, for messages, e.g. {@code an access token}
   */
  TokenEndpoint(Vendor vendor, HttpUrl url, String what) {
    this.vendor = vendor;
    this.url = url;
    this.what = what;
  }

  /** The URL tokens are requested from. */
  HttpUrl url() {
    return url;
  }

  /** A JSON request body. */
  static RequestBody json(Map<String, ?> fields) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) fields;
    return RequestBody.create(JSON.toJson(map), JSON_TYPE);
  }

  /**
   * Posts {@code body} and returns the JSON object answered.
   *
   * @param secrets strings to hide from messages
   * @throws UnauthorizedException on any failure
   */
  Map<String, Object> post(OkHttpClient client, RequestBody body, Collection<String> secrets) {
    Request request =
        new Request.Builder().url(url).header("Accept", "application/json").post(body).build();
    try (Response response = client.newCall(request).execute()) {
      String text = read(response.body());
      if (!response.isSuccessful()) {
        throw httpFailure(response, text, secrets);
      }
      Map<String, Object> json;
      try {
        json = JSON.fromJson(text);
      } catch (IOException | RuntimeException notJson) {
        json = null;
      }
      if (json == null) {
        throw failure(
            "the answer is not a JSON object (" + text.length() + " characters)",
            response.code(),
            null);
      }
      return json;
    } catch (IOException e) {
      throw failure(
          Redaction.redactSecrets(
              e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
              secrets),
          0,
          e);
    }
  }

  /** The text of a field of the answer; fails naming the field when it is missing or empty. */
  String requireText(Map<String, Object> json, String field, int status) {
    Object value = json.get(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw failure("the answer has no \"" + field + "\"", status, null);
    }
    return s;
  }

  /** An {@link UnauthorizedException} for this endpoint. */
  UnauthorizedException failure(String why, int status, Throwable cause) {
    return new UnauthorizedException(
        vendor + ": could not obtain " + what + " from " + url + ": " + why,
        ErrorContext.response(vendor, status),
        cause);
  }

  private UnauthorizedException httpFailure(
      Response response, String text, Collection<String> secrets) {
    VendorErrorBody error = VendorErrorBody.parse(vendor, text).redacted(secrets);
    String detail =
        error.message().isEmpty()
            ? ErrorMapper.excerpt(Redaction.redactSecrets(text, secrets))
            : error.message();
    String code = error.code().equals(Integer.toString(response.code())) ? "" : error.code();
    String hint =
        response.code() == 400 || response.code() == 401 || response.code() == 403
            ? " (check the credentials)"
            : "";
    String why =
        "HTTP "
            + response.code()
            + (code.isEmpty() ? "" : " " + code)
            + (detail.isEmpty() ? "" : ": " + detail)
            + hint;
    return new UnauthorizedException(
        vendor + ": could not obtain " + what + " from " + url + ": " + why,
        ErrorContext.response(vendor, response.code())
            .withVendorError(error.qualifiedCode(), error.message()),
        null);
  }

  private static String read(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    var source = body.source();
    source.request(MAX_BODY);
    var buffer = source.getBuffer();
    return buffer.readUtf8(Math.min(buffer.size(), MAX_BODY));
  }
}
