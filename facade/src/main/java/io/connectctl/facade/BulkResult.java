package io.connectctl.facade;

import io.connectctl.facade.errors.ConnectCloudException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one operation applied to many connectors: one entry per connector, in the order
 * given.
 *
 * @param items the per-connector outcomes
 * @param <T> what the operation returns
 */
public record BulkResult<T>(List<Item<T>> items) {
  /** Copies. */
  public BulkResult {
    items = List.copyOf(items);
  }

  /** The entries that failed. */
  public List<Item<T>> failures() {
    return items.stream().filter(i -> i.error().isPresent()).toList();
  }

  /** Whether every connector succeeded. */
  public boolean allSucceeded() {
    return failures().isEmpty();
  }

  /**
   * One connector's outcome: {@code error} is present when it failed; otherwise {@code value} holds
   * what the operation returned (empty if it returned null).
   *
   * @param connector the connector name
   * @param value the result on success
   * @param error the failure
   * @param <T> what the operation returns
   */
  public record Item<T>(
      String connector, Optional<T> value, Optional<ConnectCloudException> error) {
    /** Validates. */
    public Item {
      Objects.requireNonNull(connector, "connector");
      value = Objects.requireNonNullElse(value, Optional.empty());
      error = Objects.requireNonNullElse(error, Optional.empty());
    }
  }
}
