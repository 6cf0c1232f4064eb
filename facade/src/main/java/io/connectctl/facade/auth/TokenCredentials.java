package io.connectctl.facade.auth;

import io.connectctl.facade.Credentials;
import io.connectctl.facade.Vendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import okhttp3.OkHttpClient;

/**
 * Credentials that fetch bearer tokens: one token is cached and shared by all threads, fetched
 * again shortly before it expires (10 % of its lifetime early, at most 60 s early) and at once
 * after {@link #invalidate()}. Only one thread fetches at a time; the others wait for its token.
 */
abstract class TokenCredentials implements Credentials {
  private static final Duration MAX_EARLY = Duration.ofSeconds(60);
  private static final int REMEMBERED_TOKENS = 8;

  /** The vendor, for messages. */
  final Vendor vendor;

  private final Clock clock;
  private final Object lock = new Object();
  private final Deque<String> fetchedTokens = new ConcurrentLinkedDeque<>();
  private volatile OkHttpClient httpClient;
  private String token;
  private Instant refreshAt = Instant.MIN;

  TokenCredentials(Vendor vendor, Clock clock) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Fetches a new token.
   *
   * @param client the client to call the token endpoint with
   * @param now the current time
   * @throws io.connectctl.facade.errors.UnauthorizedException when no token can be obtained
   */
  abstract AccessToken fetch(OkHttpClient client, Instant now);

  /** The secrets configured up front (client secret, OAuth token), without fetched tokens. */
  abstract Set<String> configuredSecrets();

  /** The latest a token may be used after it was fetched, whatever its stated expiry. */
  Duration maxLifetime() {
    return Duration.ofDays(365);
  }

  @Override
  public final String authorizationHeader() {
    return "Bearer " + token();
  }

  /** The cached token, fetched first when there is none or it is about to expire. */
  final String token() {
    synchronized (lock) {
      Instant now = clock.instant();
      if (token == null || !now.isBefore(refreshAt)) {
        AccessToken fetched = fetch(client(), now);
        remember(fetched.value());
        token = fetched.value();
        refreshAt = refreshTime(now, fetched.expiresAt());
      }
      return token;
    }
  }

  private Instant refreshTime(Instant now, Instant expiresAt) {
    Instant latest = now.plus(maxLifetime());
    Instant expiry = expiresAt.isAfter(latest) ? latest : expiresAt;
    Duration lifetime = Duration.between(now, expiry);
    if (lifetime.isNegative()) {
      return now;
    }
    Duration early = lifetime.dividedBy(10);
    return expiry.minus(early.compareTo(MAX_EARLY) > 0 ? MAX_EARLY : early);
  }

  private void remember(String value) {
    fetchedTokens.addFirst(value);
    while (fetchedTokens.size() > REMEMBERED_TOKENS) {
      fetchedTokens.pollLast();
    }
  }

  @Override
  public final void invalidate() {
    synchronized (lock) {
      token = null;
    }
  }

  @Override
  public final boolean canRefresh() {
    return true;
  }

  /** The configured secrets and the last tokens fetched. */
  @Override
  public final Set<String> secrets() {
    Set<String> all = new LinkedHashSet<>(configuredSecrets());
    all.addAll(fetchedTokens);
    return Set.copyOf(all);
  }

  @Override
  public final void useHttpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
  }

  private OkHttpClient client() {
    OkHttpClient client = httpClient;
    return client != null ? client : DefaultClient.INSTANCE;
  }

  /** The client used until a vendor client supplies one; created on first use and shared. */
  private static final class DefaultClient {
    static final OkHttpClient INSTANCE =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(60))
            .build();
  }
}
