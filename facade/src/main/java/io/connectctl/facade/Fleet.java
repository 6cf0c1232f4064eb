package io.connectctl.facade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs one operation over many clients (or any other members: contexts, clusters) concurrently,
 * with at most {@code parallelism} members at work at once. Every member gets an entry in the
 * result, in the order the members were given, whatever order they finish in; one member's failure
 * or slowness never stops the others. {@link Bulk} does the same for the connectors of one client.
 *
 * <pre>{@code
 * Map<String, ConnectorClient> clients = Map.of("eu", eu, "us", us);  // use a LinkedHashMap for order
 * FleetResult<List<ConnectorListing>> r =
 *     Fleet.apply(clients, 8, (name, client) -> client.listConnectors().stream().toList());
 * }</pre>
 *
 * <p>How long a member may take is up to its client: give each client a call timeout ({@link
 * ClientBuilder#callTimeout}) so that a member that never answers fails on its own.
 */
public final class Fleet {
  private Fleet() {}

  /**
   * Runs {@code operation} once per member.
   *
   * @param members the members by name, iterated in their map's order (which is the result's order)
   * @param parallelism how many members run at once (at least 1)
   * @param operation what to do with each member, given its name and the member
   * @param <C> the member type, typically {@link ConnectorClient}
   * @param <T> what the operation returns
   * @return one entry per member, in the members' order
   */
  public static <C, T> FleetResult<T> apply(
      Map<String, C> members, int parallelism, BiFunction<String, C, T> operation) {
    return apply(members, parallelism, operation, member -> {});
  }

  /**
   * Runs {@code operation} once per member and tells {@code onFinished} about each member as soon
   * as it finishes (from the caller's thread, one at a time), for progress displays.
   *
   * @param members the members by name, iterated in their map's order (which is the result's order)
   * @param parallelism how many members run at once (at least 1)
   * @param operation what to do with each member, given its name and the member
   * @param onFinished called once per member, in the order they finish
   * @param <C> the member type, typically {@link ConnectorClient}
   * @param <T> what the operation returns
   * @return one entry per member, in the members' order; when the calling thread is interrupted,
   *     the members not finished yet are reported as failed with an {@link InterruptedException}
   *     cause and their work is cancelled
   */
  public static <C, T> FleetResult<T> apply(
      Map<String, C> members,
      int parallelism,
      BiFunction<String, C, T> operation,
      Consumer<FleetResult.Member<T>> onFinished) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(onFinished, "onFinished");
    Map<String, C> ordered = new LinkedHashMap<>(members);
    if (ordered.isEmpty()) {
      return new FleetResult<>(List.of());
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(parallelism, ordered.size()),
            r -> {
              Thread t = new Thread(r, "connectctl-fleet");
              t.setDaemon(true);
              return t;
            });
    CompletionService<FleetResult.Member<T>> done = new ExecutorCompletionService<>(pool);
    Map<String, FleetResult.Member<T>> finished = new LinkedHashMap<>();
    try {
      List<Future<FleetResult.Member<T>>> futures = new ArrayList<>();
      ordered.forEach(
          (name, member) -> futures.add(done.submit(() -> run(name, member, operation))));
      for (int i = 0; i < futures.size(); i++) {
        FleetResult.Member<T> result;
        try {
          result = done.take().get();
        } catch (ExecutionException e) {
          // run() catches everything the operation throws; an Error escapes here
          throw new IllegalStateException("fleet operation failed unexpectedly", e.getCause());
        }
        finished.put(result.name(), result);
        onFinished.accept(result);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    List<FleetResult.Member<T>> results = new ArrayList<>(ordered.size());
    for (String name : ordered.keySet()) {
      FleetResult.Member<T> result = finished.get(name);
      results.add(
          result != null
              ? result
              : FleetResult.Member.failed(
                  name, new InterruptedException("interrupted before '" + name + "' finished")));
    }
    return new FleetResult<>(results);
  }

  private static <C, T> FleetResult.Member<T> run(
      String name, C member, BiFunction<String, C, T> operation) {
    try {
      return new FleetResult.Member<>(
          name, Optional.ofNullable(operation.apply(name, member)), Optional.empty());
    } catch (RuntimeException e) {
      return FleetResult.Member.failed(name, e);
    }
  }
}
