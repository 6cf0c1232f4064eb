package io.connectctl.facade.yandex;

import io.connectctl.client.runtime.ModelJson;
import io.connectctl.client.yandex.model.Connector;
import io.connectctl.client.yandex.model.Operation;
import io.connectctl.client.yandex.model.Status;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.internal.ErrorMapper;
import io.connectctl.facade.internal.Waiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Yandex change tracked by its Operation: polls the operation service until the operation is
 * {@code done}, then ends with its {@code error} ({@link ConnectorFailedException}) or its {@code
 * response} (the connector's status, when the response is a Connector). An {@code error} while not
 * yet done means the change is being rolled back: the wait goes on and reports it as progress. An
 * operation already done when the mutation answered completes without polling.
 */
final class YandexOperationChange implements PendingChange {
  private static final String CONNECTOR_TYPE = "yandex.cloud.mdb.kafka.v1.Connector";

  private final String connector;
  private final String target;
  private final String operationId;
  private final Operation started;
  private final Function<String, Operation> fetch;
  private final Waiter waiter;

  /** When the operation was started (waiter's clock), or {@link Waiter#NO_REQUEST}. */
  private final long requestedAt;

  /**
   * @param connector the connector being changed
   * @param target what completion means, for messages (e.g. {@code paused})
   * @param operationId the operation to follow
   * @param started the operation as the mutation returned it, or null when only its id is known
   * @param fetch reads an operation by id from the operation service
   * @param waiter the polling loop
   * @param requestedAt when the mutation that started the operation returned, on the waiter's
   *     clock, or {@link Waiter#NO_REQUEST} when following an operation started earlier (read at
   *     once)
   */
  YandexOperationChange(
      String connector,
      String target,
      String operationId,
      Operation started,
      Function<String, Operation> fetch,
      Waiter waiter,
      long requestedAt) {
    this.connector = connector;
    this.target = target;
    this.operationId = operationId;
    this.started = started;
    this.fetch = fetch;
    this.waiter = waiter;
    this.requestedAt = requestedAt;
  }

  @Override
  public String connector() {
    return connector;
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public String operationId() {
    return operationId;
  }

  @Override
  public ChangeResult await(Duration timeout, Consumer<String> progress) {
    if (started != null && Boolean.TRUE.equals(started.done())) {
      Waiter.Observation seen = observe(started);
      progress.accept(seen.seen());
      if (seen.failure() != null) {
        throw seen.failure();
      }
      return new ChangeResult(connector, operationId, seen.status(), 0);
    }
    return waiter.awaitRequested(
        requestedAt,
        Vendor.YANDEX,
        connector,
        target,
        operationId,
        timeout,
        progress,
        () -> observe(fetch.apply(operationId)));
  }

  private Waiter.Observation observe(Operation operation) {
    Status error = operation.error();
    if (!Boolean.TRUE.equals(operation.done())) {
      return Waiter.Observation.pending(
          error == null
              ? "operation running"
              : "operation rolling back after error " + describe(error),
          Optional.empty());
    }
    if (error != null) {
      return Waiter.Observation.failed(
          "operation failed: " + describe(error),
          ConnectorFailedException.failedOperation(
              Vendor.YANDEX,
              connector,
              "yandex operation "
                  + operationId
                  + " ("
                  + Objects.requireNonNullElse(operation.description(), "")
                  + ") on connector '"
                  + connector
                  + "' failed: "
                  + describe(error),
              String.valueOf(error.code()),
              error.message(),
              operationId));
    }
    return Waiter.Observation.done("operation done", status(operation));
  }

  /**
   * The status in the operation's response when it is a Connector, else empty (delete answers with
   * Empty).
   */
  private Optional<ConnectorStatus> status(Operation operation) {
    Map<String, Object> response = operation.response();
    Object type = response.get("@type");
    if (!(type instanceof String url) || !url.endsWith(CONNECTOR_TYPE)) {
      return Optional.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>(response);
    body.remove("@type");
    try {
      Connector read = ModelJson.moshi().adapter(Connector.class).fromJsonValue(body);
      return Optional.of(YandexStates.status(read));
    } catch (RuntimeException e) {
      throw ErrorMapper.fromMalformedBody(
          Vendor.YANDEX, e, "read the response of operation " + operationId);
    }
  }

  /** {@code 9 FAILED_PRECONDITION: message}. */
  static String describe(Status error) {
    return error.code()
        + " "
        + GrpcCodes.name(error.code())
        + ": "
        + Objects.requireNonNullElse(error.message(), "");
  }

  @Override
  public String toString() {
    return io.connectctl.facade.internal.ChangeText.describe(connector, target, operationId, "");
  }
}
