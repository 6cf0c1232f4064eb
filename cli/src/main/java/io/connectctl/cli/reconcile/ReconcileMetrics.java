package io.connectctl.cli.reconcile;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The metrics of a {@code reconcile} run, kept with the Prometheus Java client in a registry of
 * their own (served by {@link ReconcileServer}). The per-connector gauges of a context are replaced
 * at each successful listing, so connectors that are gone leave no series behind.
 */
public final class ReconcileMetrics {
  final PrometheusRegistry registry = new PrometheusRegistry();

  final Gauge connectorState =
      Gauge.builder()
          .name("connectctl_reconcile_connector_state")
          .help("1 for the state each connector was last seen in")
          .labelNames("context", "vendor", "connector", "state")
          .register(registry);
  final Gauge tasks =
      Gauge.builder()
          .name("connectctl_reconcile_tasks")
          .help("How many tasks of each connector were last seen in each state")
          .labelNames("context", "vendor", "connector", "state")
          .register(registry);
  final Gauge connectors =
      Gauge.builder()
          .name("connectctl_reconcile_connectors")
          .help("How many connectors of each context were last seen in each state")
          .labelNames("context", "vendor", "state")
          .register(registry);
  final Counter restarts =
      Counter.builder()
          .name("connectctl_reconcile_restarts_total")
          .help("Restarts --heal sent")
          .labelNames("context", "vendor", "connector")
          .register(registry);
  final Counter giveUps =
      Counter.builder()
          .name("connectctl_reconcile_give_ups_total")
          .help("Times --heal gave up on a connector after --heal-max-restarts")
          .labelNames("context", "vendor", "connector")
          .register(registry);
  final Gauge givenUp =
      Gauge.builder()
          .name("connectctl_reconcile_given_up")
          .help("1 while --heal has given up on a connector (until it is healthy again)")
          .labelNames("context", "vendor", "connector")
          .register(registry);
  final Counter cannotHeal =
      Counter.builder()
          .name("connectctl_reconcile_cannot_heal_total")
          .help("Failed connectors whose vendor offers no restart")
          .labelNames("context", "vendor", "connector")
          .register(registry);
  final Counter driftNoticed =
      Counter.builder()
          .name("connectctl_reconcile_drift_noticed_total")
          .help("Connectors found differing from the files (to create, update or prune)")
          .labelNames("context", "vendor", "connector", "action")
          .register(registry);
  final Counter driftCorrected =
      Counter.builder()
          .name("connectctl_reconcile_drift_corrected_total")
          .help("Writes sent to undo drift")
          .labelNames("context", "vendor", "connector", "action")
          .register(registry);
  final Counter writesHeld =
      Counter.builder()
          .name("connectctl_reconcile_writes_held_total")
          .help("Writes held back because the connector kept diverging cycle after cycle")
          .labelNames("context", "vendor", "connector")
          .register(registry);
  final Counter cycles =
      Counter.builder()
          .name("connectctl_reconcile_cycles_total")
          .help("Cycles per context, by result (ok, failed)")
          .labelNames("context", "result")
          .register(registry);
  final Histogram cycleDuration =
      Histogram.builder()
          .name("connectctl_reconcile_cycle_duration_seconds")
          .help("How long one cycle took per context")
          .labelNames("context")
          .register(registry);
  final Gauge lastSuccess =
      Gauge.builder()
          .name("connectctl_reconcile_last_success_timestamp_seconds")
          .help("When each context last completed a cycle without failure (Unix time)")
          .labelNames("context")
          .register(registry);
  final Counter requests =
      Counter.builder()
          .name("connectctl_api_requests_total")
          .help("HTTP requests sent to each context's API, by method and status code")
          .labelNames("context", "method", "code")
          .register(registry);
  final Counter requestErrors =
      Counter.builder()
          .name("connectctl_api_request_errors_total")
          .help("Requests that failed: no answer, or a status of 500 and above")
          .labelNames("context")
          .register(registry);
  final Histogram requestDuration =
      Histogram.builder()
          .name("connectctl_api_request_duration_seconds")
          .help("Request latency per context")
          .labelNames("context")
          .register(registry);

  private final Map<String, Set<List<String>>> seenStates = new HashMap<>();

  /**
   * Replaces the state gauges of {@code context}: {@code states} holds, per connector, its state
   * and its task counts by state.
   */
  synchronized void states(
      String context, String vendor, Map<String, Map.Entry<String, Map<String, Long>>> states) {
    Set<List<String>> old = seenStates.getOrDefault(context, Set.of());
    Set<List<String>> now = new HashSet<>();
    Map<String, Long> perState = new HashMap<>();
    states.forEach(
        (connector, seen) -> {
          now.add(List.of("c", connector, seen.getKey()));
          connectorState.labelValues(context, vendor, connector, seen.getKey()).set(1);
          perState.merge(seen.getKey(), 1L, Long::sum);
          seen.getValue()
              .forEach(
                  (state, count) -> {
                    now.add(List.of("t", connector, state));
                    tasks.labelValues(context, vendor, connector, state).set(count);
                  });
        });
    for (List<String> key : old) {
      if (!now.contains(key)) {
        (key.get(0).equals("c") ? connectorState : tasks)
            .remove(context, vendor, key.get(1), key.get(2));
        if (key.get(0).equals("c")) {
          givenUp.remove(context, vendor, key.get(1));
        }
      }
    }
    seenStates.put(context, now);
    for (String state : List.of("RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED")) {
      connectors.labelValues(context, vendor, state).set(perState.getOrDefault(state, 0L));
    }
    perState.forEach((state, count) -> connectors.labelValues(context, vendor, state).set(count));
  }

  /** An OkHttp interceptor counting and timing the requests of {@code context}'s client. */
  Interceptor requestObserver(String context) {
    return chain -> {
      Request request = chain.request();
      long start = System.nanoTime();
      try {
        Response response = chain.proceed(request);
        observed(context, request.method(), String.valueOf(response.code()), start);
        if (response.code() >= 500) {
          requestErrors.labelValues(context).inc();
        }
        return response;
      } catch (IOException | RuntimeException e) {
        observed(context, request.method(), "none", start);
        requestErrors.labelValues(context).inc();
        throw e;
      }
    };
  }

  private void observed(String context, String method, String code, long start) {
    requests.labelValues(context, method, code).inc();
    requestDuration
        .labelValues(context)
        .observe((System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1));
  }
}
