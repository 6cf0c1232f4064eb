package io.connectctl.facade.internal;

import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.VendorRules;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Retries failed attempts according to the {@link RetryPolicy}.
 *
 * <p>What is retried:
 *
 * <ul>
 *   <li>429, for every method (the server did not act); the delay is the server's {@code
 *       Retry-After} / {@code X-RateLimit-Reset} when sent. A requested delay above {@code
 *       maxBackoff}, or one that would overrun {@code totalBudget}, ends retrying at once: the
 *       caller gets the 429 (a {@code RateLimitedException} carrying the delay).
 *   <li>503 and 504, for idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, or any request
 *       carrying an {@code Idempotency-Key} header); a {@code Retry-After} is honoured the same
 *       way.
 *   <li>Responses the vendor's rules ({@link VendorRules#retryReason}) say were sent before acting
 *       on the request, for every method: for Redpanda and Kafka Connect, a 409 whose error says a
 *       rebalance is in progress or expected, or that the worker's view of the configs is stale;
 *       for Kafka Connect, also a 500 saying a rebalance is expected (a worker that has just
 *       started).
 *   <li>Connection failures before the request was sent (refused, unknown host, no route, connect
 *       timeout), for every method. Those that fail at once (all but the connect timeout) wait at
 *       most {@link #QUICK_WAIT} between attempts, so a wrong or dead address is reported within
 *       about a second.
 *   <li>Other broken connections (reset, closed before the response), for idempotent requests and
 *       for the creation of a named connector (a Retrofit call to a {@code createConnector}
 *       operation): the server may have acted on a POST or PATCH, but it refuses a second connector
 *       of the same name, so a resent create cannot make two.
 * </ul>
 *
 * After such a broken connection the first attempt's outcome is unknown: the answer returned from a
 * later attempt then carries the header {@link #AFTER_LOST_ANSWER}, so that a caller can read a 404
 * to a delete (or a 409 to a create) as the first attempt's doing ({@link Calls}).
 *
 * <p>Timeouts, cancellations and TLS failures are never retried. A request whose body can be
 * written only once is never retried. Between attempts the wait is exponential with jitter ({@link
 * Backoff}); no retry starts if its wait would end after {@code totalBudget} from the first
 * attempt. Each retry is logged at DEBUG (redacted).
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final long PEEK_LIMIT = 64 * 1024;

  /**
   * The longest wait before retrying a connection that failed at once (refused, unknown host, no
   * route): with the default policy a wrong or dead address is reported in under a second rather
   * than after the whole ladder.
   */
  static final Duration QUICK_WAIT = Duration.ofMillis(200);

  /**
   * Added to the response of an attempt that followed one whose outcome is unknown (the connection
   * broke after the request was sent). Only {@link Calls} reads it; it is never sent anywhere.
   */
  static final String AFTER_LOST_ANSWER = "Connectctl-After-Lost-Answer";

  /** The generated operation that creates a named connector on every vendor's API. */
  private static final String CREATE_OPERATION = "createConnector";

  private final Vendor vendor;
  private final RetryPolicy policy;
  private final Waiter.Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Backoff backoff;

  RetryInterceptor(Vendor vendor, RetryPolicy policy) {
    this(
        vendor,
        policy,
        d -> Thread.sleep(d.toMillis()),
        System::nanoTime,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * For tests.
   *
   * @param sleeper how to wait between attempts
   * @param nanoTime the monotonic clock the budget is measured with
   * @param random uniform values in [0, 1) for the jitter
   */
  RetryInterceptor(
      Vendor vendor,
      RetryPolicy policy,
      Waiter.Sleeper sleeper,
      LongSupplier nanoTime,
      DoubleSupplier random) {
    this.vendor = vendor;
    this.policy = policy;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.backoff = new Backoff(policy, random);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean replayable = request.body() == null || !request.body().isOneShot();
    long start = nanoTime.getAsLong();
    boolean outcomeUnknown = false;
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        failure = e;
      }
      boolean more = replayable && attempt < policy.maxAttempts() && !chain.call().isCanceled();
      Optional<Retry> retry =
          more
              ? (failure != null ? forFailure(request, failure) : forResponse(request, response))
              : Optional.empty();
      Optional<Duration> wait =
          retry.isEmpty() ? Optional.empty() : waitBefore(retry.get(), attempt, start);
      if (wait.isEmpty()) {
        if (failure != null) {
          throw failure;
        }
        return outcomeUnknown
            ? response.newBuilder().header(AFTER_LOST_ANSWER, "true").build()
            : response;
      }
      if (failure != null && !isBeforeSending(failure)) {
        outcomeUnknown = true;
      }
      if (Log.LOG.isDebugEnabled()) {
        LogRedaction redaction = new LogRedaction(KnownSecrets.of(request));
        Log.LOG.debug(
            "{}: {} {} {}; retry {} of {} in {} ms",
            vendor,
            request.method(),
            redaction.url(request.url()),
            redaction.text(retry.get().reason()),
            attempt,
            policy.maxAttempts() - 1,
            wait.get().toMillis());
      }
      if (response != null) {
        response.close();
      }
      sleep(wait.get());
    }
  }

  /**
   * Why an attempt may be retried, the delay the server asked for, if any, and whether the failure
   * came at once (refused, unknown host): such retries wait at most {@link #QUICK_WAIT} each.
   */
  private record Retry(String reason, Optional<Duration> serverDelay, boolean quick) {
    Retry(String reason, Optional<Duration> serverDelay) {
      this(reason, serverDelay, false);
    }
  }

  private Optional<Retry> forResponse(Request request, Response response) {
    int code = response.code();
    if (code == 429) {
      return Optional.of(new Retry("got HTTP 429", RetryAfter.parse(response.headers())));
    }
    if ((code == 503 || code == 504) && isIdempotent(request)) {
      return Optional.of(new Retry("got HTTP " + code, RetryAfter.parse(response.headers())));
    }
    return vendor
        .rules()
        .retryReason(code, () -> peek(response))
        .map(why -> new Retry("got HTTP " + code + " (" + why + ")", Optional.empty()));
  }

  private Optional<Retry> forFailure(Request request, IOException e) {
    String reason =
        "failed: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (isBeforeSending(e)) {
      return Optional.of(
          new Retry(reason, Optional.empty(), !(e instanceof SocketTimeoutException)));
    }
    if (e instanceof InterruptedIOException
        || e instanceof SSLException
        || !(isIdempotent(request) || createsNamedConnector(request))) {
      return Optional.empty();
    }
    return Optional.of(new Retry(reason, Optional.empty()));
  }

  /**
   * The wait before the next attempt, or empty when retrying must stop (too long, or past the
   * budget).
   */
  private Optional<Duration> waitBefore(Retry retry, int attempt, long start) {
    Duration wait;
    if (retry.serverDelay().isPresent()) {
      wait = retry.serverDelay().get();
      if (wait.compareTo(policy.maxBackoff()) > 0) {
        return Optional.empty();
      }
    } else {
      wait = backoff.before(attempt);
      if (retry.quick() && wait.compareTo(QUICK_WAIT) > 0) {
        wait = QUICK_WAIT;
      }
    }
    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
    return elapsed.plus(wait).compareTo(policy.totalBudget()) > 0
        ? Optional.empty()
        : Optional.of(wait);
  }

  private void sleep(Duration wait) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** GET, HEAD, PUT, DELETE and OPTIONS, and any request with an {@code Idempotency-Key}. */
  static boolean isIdempotent(Request request) {
    return IDEMPOTENT_METHODS.contains(request.method())
        || request.header("Idempotency-Key") != null;
  }

  /**
   * Whether the request creates a named connector: the server refuses a second connector of the
   * same name, so resending it after a lost answer cannot create two.
   */
  static boolean createsNamedConnector(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    return "POST".equals(request.method())
        && invocation != null
        && CREATE_OPERATION.equals(invocation.method().getName());
  }

  /** Whether the failure happened before any byte of the request could reach the server. */
  static boolean isBeforeSending(IOException e) {
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException) {
      return true;
    }
    return e instanceof SocketTimeoutException
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out");
  }

  /** The start of the response body, left in place for the caller; empty if it cannot be read. */
  private static String peek(Response response) {
    try {
      return response.peekBody(PEEK_LIMIT).string();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The logger, looked up at the first retry: finding the SLF4J provider takes a noticeable share
   * of building a client in a fresh JVM, and most runs never retry.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);
  }
}
