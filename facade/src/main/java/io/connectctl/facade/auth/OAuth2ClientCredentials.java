package io.connectctl.facade.auth;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.internal.HttpStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;

/**
 * Bearer tokens from an OAuth2 client-credentials grant (Redpanda Cloud): a form POST of {@code
 * grant_type=client_credentials}, {@code client_id}, {@code client_secret} and, when set, {@code
 * audience} to the token URL, answered with {@code {"access_token": …, "expires_in": seconds}}. The
 * token is cached, fetched again shortly before it expires, and at once after a 401. A missing
 * {@code expires_in} is taken as five minutes.
 */
public final class OAuth2ClientCredentials extends TokenCredentials {
  /** Redpanda Cloud's token endpoint. */
  public static final String REDPANDA_TOKEN_URL = "https://auth.prd.cloud.redpanda.com/oauth/token";

  /** The audience Redpanda Cloud's documentation sends with the grant. */
  public static final String REDPANDA_AUDIENCE = "cloudv2-production.redpanda.cloud";

  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final String clientId;
  private final String clientSecret;
  private final String audience;
  private final TokenEndpoint endpoint;

  private OAuth2ClientCredentials(Builder b) {
    super(b.vendor, b.clock);
    this.clientId = requireText(b.clientId, "clientId");
    this.clientSecret = requireText(b.clientSecret, "clientSecret");
    this.audience = Objects.requireNonNullElse(b.audience, "");
    this.endpoint =
        new TokenEndpoint(
            b.vendor,
            HttpStack.baseUrl(b.vendor, b.tokenUrl, "tokenUrl", b.allowInsecureHttp),
            "an access token");
  }

  /** A builder; client id and secret are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  AccessToken fetch(OkHttpClient client, Instant now) {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", clientId)
            .add("client_secret", clientSecret);
    if (!audience.isEmpty()) {
      form.add("audience", audience);
    }
    Map<String, Object> json = endpoint.post(client, form.build(), secrets());
    String token = endpoint.requireText(json, "access_token", 200);
    Object expiresIn = json.get("expires_in");
    Duration lifetime =
        expiresIn instanceof Number n && n.doubleValue() > 0
            ? Duration.ofMillis((long) (n.doubleValue() * 1000))
            : DEFAULT_LIFETIME;
    return new AccessToken(token, now.plus(lifetime));
  }

  @Override
  Set<String> configuredSecrets() {
    return Set.of(clientSecret);
  }

  /** The client id and token URL; never the secret or a token. */
  @Override
  public String toString() {
    return "OAuth2ClientCredentials[clientId="
        + clientId
        + ", tokenUrl="
        + endpoint.url()
        + (audience.isEmpty() ? "" : ", audience=" + audience)
        + "]";
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /** Builds {@link OAuth2ClientCredentials}. */
  public static final class Builder {
    private String clientId;
    private String clientSecret;
    private String tokenUrl = REDPANDA_TOKEN_URL;
    private String audience = "";
    private Vendor vendor = Vendor.REDPANDA;
    private boolean allowInsecureHttp;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The OAuth2 client id (required). */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The OAuth2 client secret (required). */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** The token endpoint (default {@link #REDPANDA_TOKEN_URL}). */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
      return this;
    }

    /**
     * The {@code audience} form field; empty (the default) sends none. See {@link
     * #REDPANDA_AUDIENCE}.
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** The vendor named in error messages (default Redpanda). */
    public Builder vendor(Vendor vendor) {
      this.vendor = Objects.requireNonNull(vendor, "vendor");
      return this;
    }

    /**
     * Allows a plain {@code http://} token URL off loopback (default: refused, the secret would
     * travel in clear).
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** For tests: the clock expiry is measured with. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The credentials.
     *
     * @throws IllegalArgumentException when the client id or secret is missing
     * @throws io.connectctl.facade.errors.InvalidRequestException when the token URL is not a
     *     usable http(s) URL
     */
    public OAuth2ClientCredentials build() {
      return new OAuth2ClientCredentials(this);
    }
  }
}
