package io.connectctl.facade;

import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies one operation to many connectors with bounded concurrency. Every connector gets an entry
 * in the result, in input order; a failure never stops the others.
 *
 * <pre>{@code
 * BulkResult<ChangeResult> r = Bulk.apply(names, 8, name -> client.pause(name).await(Duration.ofMinutes(2)));
 * }</pre>
 */
public final class Bulk {
  private Bulk() {}

  /**
   * @param names the connectors
   * @param concurrency how many run at once (at least 1)
   * @param operation what to do with each; a {@link ConnectCloudException} marks that connector
   *     failed, any other exception is reported as a {@link ConnectorFailedException} whose {@link
   *     Throwable#getCause() cause} is that exception
   */
  public static <T> BulkResult<T> apply(
      Collection<String> names, int concurrency, Function<String, T> operation) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    List<String> ordered = List.copyOf(names);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(concurrency, Math.max(1, ordered.size())),
            r -> {
              Thread t = new Thread(r, "connectctl-bulk");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(ordered.size());
      for (String name : ordered) {
        futures.add(pool.submit(() -> operation.apply(name)));
      }
      List<BulkResult.Item<T>> items = new ArrayList<>(ordered.size());
      for (int i = 0; i < ordered.size(); i++) {
        items.add(outcome(ordered.get(i), futures.get(i)));
      }
      return new BulkResult<>(items);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> BulkResult.Item<T> outcome(String name, Future<T> future) {
    try {
      return new BulkResult.Item<>(name, Optional.ofNullable(future.get()), Optional.empty());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      ConnectCloudException error =
          cause instanceof ConnectCloudException c
              ? c
              : ConnectorFailedException.unexplained(
                  name, "Operation on connector '" + name + "' failed: " + cause, cause);
      return new BulkResult.Item<>(name, Optional.empty(), Optional.of(error));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BulkResult.Item<>(
          name,
          Optional.empty(),
          Optional.of(
              ConnectorFailedException.unexplained(
                  name, "Interrupted before connector '" + name + "' finished")));
    }
  }
}
