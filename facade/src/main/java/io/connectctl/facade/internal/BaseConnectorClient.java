package io.connectctl.facade.internal;

import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorNames;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;

/**
 * Not API: what every vendor client shares, written once. A vendor client extends this class and
 * keeps only what is its own: mapping the vendor-neutral operations to its generated client and
 * back.
 *
 * <p>Shared here: argument checks (a missing or invalid name, definition, config or target is an
 * {@link InvalidRequestException} before anything is sent, on every vendor), refusals of operations
 * the vendor lacks ({@link UnsupportedCapabilityException}, sending nothing: the defaults of the
 * optional operations), the context every request names in its errors ({@link #about}), the guard
 * against empty success bodies ({@link #read}), waiting ({@link #waitFor} and the {@code until…}
 * helpers, which all word targets the same way: a {@link ConnectorState} name, {@value #DELETED} or
 * {@value #SETTLED}) and {@link #close()}.
 */
public abstract class BaseConnectorClient implements ConnectorClient {
  /** {@link PendingChange#target()} of a change that completes when the connector is gone. */
  public static final String DELETED = "deleted";

  /**
   * {@link PendingChange#target()} of a config update, which completes when the connector has
   * settled.
   */
  public static final String SETTLED = "settled";

  private final Capabilities capabilities;
  private final ClientOptions options;
  private final OkHttpClient http;
  private final Waiter waiter;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param capabilities the vendor and what it supports
   * @param options the settings the builder collected
   */
  protected BaseConnectorClient(Capabilities capabilities, ClientOptions options) {
    this(capabilities, options, List.of());
  }

  /**
   * @param capabilities the vendor and what it supports
   * @param options the settings the builder collected
   * @param endpoints every base URL this client sends requests to (token endpoints of the
   *     credentials aside): when none is https, no TLS is set up (see {@link HttpStack})
   */
  protected BaseConnectorClient(
      Capabilities capabilities, ClientOptions options, List<HttpUrl> endpoints) {
    this.capabilities = capabilities;
    this.options = options;
    OkHttpClient.Builder stack =
        HttpStack.build(capabilities.vendor(), options, endpoints).newBuilder();
    // First in the chain, so a closed client refuses before credentials are fetched or anything is
    // sent; waits of pending changes read through the same client and are refused the same way.
    stack
        .interceptors()
        .add(
            0,
            chain -> {
              if (closed.get()) {
                throw new ClientClosedException(
                    capabilities.vendor()
                        + " client is closed: "
                        + chain.request().method()
                        + " "
                        + chain.request().url().encodedPath()
                        + " was not sent");
              }
              return chain.proceed(chain.request());
            });
    this.http = stack.build();
    this.waiter = Waiter.of(options.pollingPolicy());
  }

  /** The HTTP client every request of this client goes through. */
  protected final OkHttpClient http() {
    return http;
  }

  /** The polling loop pending changes use. */
  protected final Waiter waiter() {
    return waiter;
  }

  @Override
  public final Vendor vendor() {
    return capabilities.vendor();
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  // ---- argument checks
  // -------------------------------------------------------------------------------------

  /**
   * {@code name} when the vendor accepts it as a connector name; refused before sending otherwise.
   */
  protected final String name(String name) {
    return ConnectorNames.check(vendor(), name);
  }

  /** {@code value}, or an {@link InvalidRequestException} naming {@code field} when it is null. */
  protected final <T> T required(T value, String field, String message) {
    if (value == null) {
      throw InvalidRequestException.beforeSending(vendor(), message, field);
    }
    return value;
  }

  /** {@link UnsupportedCapabilityException} for {@code capability}, which this vendor must lack. */
  protected final UnsupportedCapabilityException unsupported(Capability capability) {
    capabilities.require(capability);
    throw new IllegalStateException(
        vendor() + " claims " + capability + " but does not implement it");
  }

  // ---- requests
  // ------------------------------------------------------------------------------------------

  /**
   * Where this client points, for error messages, e.g. {@code " on Connect cluster 'redpanda'"};
   * may be empty.
   */
  protected abstract String where();

  /**
   * {@code verb connector 'name'} plus {@link #where()}: what a request does, for its error
   * messages.
   */
  protected final String about(String verb, String name) {
    return verb + " connector '" + name + "'" + where();
  }

  /** Runs {@code call}; its body, which may be null (write requests). */
  protected final <T> T send(Call<T> call, String what) {
    return Calls.execute(vendor(), call, what);
  }

  /**
   * Runs {@code call} whose answer must have a body: an empty success body is an unexpected
   * response.
   */
  protected final <T> T read(Call<T> call, String what) {
    T body = Calls.execute(vendor(), call, what);
    if (body == null) {
      throw ErrorMapper.fromMalformedBody(
          vendor(), new IllegalStateException("the response had no body"), what);
    }
    return body;
  }

  /**
   * Sends a delete and returns the wait for the connector's disappearance. A 404 answering a retry
   * after an attempt whose answer was lost means the first attempt deleted it: the change then
   * succeeds, with a {@link PendingChange#note() note} saying so. A 404 to the first attempt is
   * still a {@link io.connectctl.facade.errors.NotFoundException}.
   */
  protected final PendingChange sendDelete(Call<?> call, String name) {
    boolean goneOnRetry = Calls.retryFound(vendor(), call, about("delete", name), 404);
    PendingChange change = untilGone(name);
    return goneOnRetry
        ? new NotedChange(change, "the first attempt's answer was lost; the retry found it gone")
        : change;
  }

  /**
   * Sends a create and returns {@code wait}'s change. A 409 answering a retry after an attempt
   * whose answer was lost is read back: when the connector there has every key of {@code config}
   * with the same value (a masked value counts as the same), the first attempt created it and the
   * change succeeds with a {@link PendingChange#note() note}; otherwise it is a {@link
   * ConflictException}. A 409 to the first attempt is still a conflict.
   */
  protected final PendingChange sendCreate(
      Call<?> call, String name, Map<String, String> config, Supplier<PendingChange> wait) {
    String what = about("create", name);
    if (!Calls.retryFound(vendor(), call, what, 409)) {
      return wait.get();
    }
    Map<String, String> existing = getConnector(name).config();
    boolean same =
        config.entrySet().stream()
            .allMatch(
                e -> {
                  String have = existing.get(e.getKey());
                  return e.getValue().equals(have) || (have != null && Redaction.isMasked(have));
                });
    if (!same) {
      throw new ConflictException(
          vendor()
              + ": "
              + what
              + " failed: the first attempt's answer was lost and the retry found connector '"
              + name
              + "' already there with a different config",
          ErrorContext.response(vendor(), 409),
          null);
    }
    return new NotedChange(
        wait.get(), "the first attempt's answer was lost; the retry found it created");
  }

  // ---- waiting
  // -------------------------------------------------------------------------------------------

  /** Reads a connector's status; {@code name} is already checked. */
  protected abstract ConnectorStatus readStatus(String name);

  @Override
  public ConnectorStatus status(String name) {
    return readStatus(name(name));
  }

  /**
   * A hook for vendor-specific failures while waiting for {@code target} (Redpanda: a failed task
   * while waiting for RUNNING). The default adds none.
   */
  protected StatusChange failingAlsoWhen(String name, ConnectorState target, StatusChange change) {
    return change;
  }

  /** Polls the status until {@code target}. */
  protected final PendingChange untilState(String name, ConnectorState target) {
    return failingAlsoWhen(
        name,
        target,
        StatusChange.untilState(vendor(), name, target, () -> readStatus(name), waiter));
  }

  /** Polls until {@code target}, reading an early FAILED as the state from before the restart. */
  protected final PendingChange untilStateAfterRestart(String name, ConnectorState target) {
    return failingAlsoWhen(
        name,
        target,
        StatusChange.untilStateAfterRestart(
            vendor(), name, target, () -> readStatus(name), waiter));
  }

  /**
   * As {@link #untilStateAfterRestart(String, ConnectorState)}, for a restart the server answered
   * with the status it brings about ({@code answer}, instances about to restart shown as
   * RESTARTING; null when it answered nothing): see {@link StatusChange#toldByServer}.
   */
  protected final PendingChange untilStateAfterRestart(
      String name, ConnectorState target, ConnectorStatus answer) {
    return failingAlsoWhen(
        name,
        target,
        StatusChange.untilStateAfterRestart(vendor(), name, target, () -> readStatus(name), waiter)
            .toldByServer(answer));
  }

  /** Polls until {@code target}, reading an early FAILED as the state from before the resume. */
  protected final PendingChange untilStateAfterResume(String name, ConnectorState target) {
    return failingAlsoWhen(
        name,
        target,
        StatusChange.untilStateAfterResume(vendor(), name, target, () -> readStatus(name), waiter));
  }

  /** Polls until the connector is gone. */
  protected final PendingChange untilGone(String name) {
    return StatusChange.untilGone(vendor(), name, () -> readStatus(name), waiter);
  }

  /** Polls until the connector has settled after a config update. */
  protected final PendingChange untilSettled(String name) {
    return StatusChange.untilSettled(vendor(), name, () -> readStatus(name), waiter);
  }

  /**
   * After a config update: settled, and the worker reads back {@code config} (its values, secrets
   * aside) and has restarted the tasks, so the wait does not end on the old configuration.
   */
  protected final PendingChange untilConfigApplied(String name, Map<String, String> config) {
    return StatusChange.untilSettled(vendor(), name, () -> readStatus(name), waiter)
        .confirmingConfig(() -> getConnector(name).config(), config);
  }

  /**
   * Polls the status until {@code target}; {@link ConnectorState#DELETED} waits until the connector
   * is gone.
   */
  @Override
  public final PendingChange waitFor(String name, ConnectorState target) {
    String checked = name(name);
    required(target, "target", "A target state to wait for is required");
    Supplier<ConnectorStatus> status = () -> readStatus(checked);
    StatusChange change =
        target == ConnectorState.DELETED
            ? StatusChange.untilGone(vendor(), checked, status, waiter)
            : failingAlsoWhen(
                checked,
                target,
                StatusChange.untilState(vendor(), checked, target, status, waiter));
    return change.readingAtOnce();
  }

  // ---- optional operations: refused unless the vendor overrides them
  // -------------------------------------

  /** Refused before sending unless the vendor offers {@link Capability#RESTART}. */
  @Override
  public PendingChange restart(String name, RestartOptions options) {
    throw unsupported(Capability.RESTART);
  }

  /** Refused before sending unless the vendor offers {@link Capability#STOP}. */
  @Override
  public PendingChange stop(String name) {
    throw unsupported(Capability.STOP);
  }

  /** Refused before sending unless the vendor offers {@link Capability#TASKS}. */
  @Override
  public List<TaskConfig> tasks(String name) {
    throw unsupported(Capability.TASKS);
  }

  /** Refused before sending unless the vendor offers {@link Capability#TOPICS}. */
  @Override
  public List<String> topics(String name) {
    throw unsupported(Capability.TOPICS);
  }

  /** Refused before sending unless the vendor offers {@link Capability#OFFSETS}. */
  @Override
  public ConnectorOffsets offsets(String name) {
    throw unsupported(Capability.OFFSETS);
  }

  /** Refused before sending unless the vendor offers {@link Capability#PLUGINS}. */
  @Override
  public List<PluginInfo> plugins() {
    throw unsupported(Capability.PLUGINS);
  }

  /**
   * Refused before sending unless the vendor offers {@link Capability#RESUME_WAIT} (operation ids).
   */
  @Override
  public PendingChange resumeWait(String connector, String operationId) {
    throw unsupported(Capability.RESUME_WAIT);
  }

  /**
   * Releases the connection pool and threads, unless they belong to a caller-supplied {@code
   * OkHttpClient}, and makes every later request of this client (pending changes' waits included)
   * fail with {@link IllegalStateException} before it is sent. Calling it again does nothing.
   */
  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      HttpStack.release(http, options);
    }
  }
}
